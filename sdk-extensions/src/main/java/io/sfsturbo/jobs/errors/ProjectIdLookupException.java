// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/**
 * The project id was not set and could not be looked up: IAM lists no project, or several, under the region's
 * name for these credentials, or gave an id that cannot be one. Set the project id (the message says how). When
 * IAM refused the lookup or could not be reached, the exception is that failure's own type instead.
 */
public class ProjectIdLookupException extends SfsTurboException {
  private static final long serialVersionUID = 1L;
  private final String regionId;

  /**
   * Creates the exception.
   *
   * @param regionId the region whose project was looked up
   * @param message what IAM answered and what to do
   */
  public ProjectIdLookupException(String regionId, String message) {
    super(message);
    this.regionId = regionId;
  }

  /** Returns the region whose project was looked up. */
  public String regionId() {
    return regionId;
  }
}
