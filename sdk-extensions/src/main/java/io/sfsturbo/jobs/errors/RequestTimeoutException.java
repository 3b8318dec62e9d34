// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/** A connect, read, write or call timeout passed before the response arrived. */
public class RequestTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what timed out
   * @param cause the I/O failure
   */
  public RequestTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
