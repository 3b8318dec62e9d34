// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/** The service answered a 5xx status: the service failed; retried by default. */
public class ServerException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the response said
   */
  public ServerException(ErrorDetails details) {
    super(details);
  }
}
