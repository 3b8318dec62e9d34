// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/**
 * No usable HTTP response arrived: the connection failed, was reset or was cut, or a timeout
 * passed. Retried by default.
 */
public class TransportException extends SfsTurboException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the I/O failure
   */
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Returns true: nothing was answered, so the same request may well succeed. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
