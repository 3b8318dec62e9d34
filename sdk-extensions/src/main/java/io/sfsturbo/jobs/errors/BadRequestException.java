// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/** The service answered 400 Bad Request: a parameter was wrong (for example SFS.TURBO.0001). */
public class BadRequestException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the response said
   */
  public BadRequestException(ErrorDetails details) {
    super(details);
  }
}
