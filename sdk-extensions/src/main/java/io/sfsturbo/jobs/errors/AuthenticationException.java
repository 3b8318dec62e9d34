// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/** The service answered 401 Unauthorized: the token or signature was missing, wrong or expired. */
public class AuthenticationException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the response said
   */
  public AuthenticationException(ErrorDetails details) {
    super(details);
  }
}
