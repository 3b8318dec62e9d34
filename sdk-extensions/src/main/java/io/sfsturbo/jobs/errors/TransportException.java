// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/**
 * No usable HTTP response arrived: the connection failed, was reset or was cut, or a timeout
 * passed. Retried by default.
 */
public class TransportException extends SfsTurboException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the I/O failure
   */
  public TransportException(String message, Throwable cause) {
    this(message, cause, true);
  }

  /**
   * Creates the exception, saying whether trying again can help.
   *
   * @param message what failed
   * @param cause the I/O failure
   * @param retryable false when the failure is certain to repeat (a TLS handshake answered in plain HTTP)
   */
  public TransportException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Returns true unless the failure is certain to repeat: nothing was answered, so the same request
   * may well succeed.
   */
  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
