// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/** The service answered 404 Not Found: for this API usually an unknown job id (SFS.TURBO.0019). */
public class ResourceNotFoundException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the response said
   */
  public ResourceNotFoundException(ErrorDetails details) {
    super(details);
  }
}
