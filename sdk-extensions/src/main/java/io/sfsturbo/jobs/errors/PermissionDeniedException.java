// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/** The service answered 403 Forbidden: the credentials may not do this. */
public class PermissionDeniedException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the response said
   */
  public PermissionDeniedException(ErrorDetails details) {
    super(details);
  }
}
