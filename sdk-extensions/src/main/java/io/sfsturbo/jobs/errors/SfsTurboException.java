// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/**
 * The root of every exception the SDK throws (apart from {@link IllegalArgumentException}
 * and {@link NullPointerException} for bad arguments, raised before any request is sent).
 *
 * <p>All are unchecked. Messages never contain a token, secret key, password or signature.
 */
public class SfsTurboException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what failed
   * @param cause the underlying failure, may be null
   */
  public SfsTurboException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception without a cause.
   *
   * @param message what failed
   */
  public SfsTurboException(String message) {
    super(message);
  }

  /**
   * Returns whether the same request may succeed if tried again: true for failures before a
   * response (connect, reset, timeout) and for 429, 500, 502, 503 and 504; false otherwise.
   * Retries and waits both ask this, so that one rule decides what is transient.
   *
   * @return whether a retry can help
   */
  public boolean isRetryable() {
    return false;
  }
}
