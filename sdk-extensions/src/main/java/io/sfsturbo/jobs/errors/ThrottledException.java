// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

import java.time.Duration;

/** The service answered 429 Too Many Requests; retried by default, honouring {@code Retry-After}. */
public class ThrottledException extends ServiceException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param details what the response said
   * @param retryAfter the server's {@code Retry-After}, or null when it sent none
   */
  public ThrottledException(ErrorDetails details, Duration retryAfter) {
    super(details);
    this.retryAfter = retryAfter;
  }

  /** Returns how long the server asked the client to wait, or null when it did not say. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
