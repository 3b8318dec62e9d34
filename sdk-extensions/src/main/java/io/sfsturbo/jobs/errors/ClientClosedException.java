// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/**
 * The client was closed while a call or a wait was running: it ended at once, without its
 * result. (A call started after {@code close()} is refused with {@link IllegalStateException}.)
 */
public class ClientClosedException extends SfsTurboException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was running
   */
  public ClientClosedException(String message) {
    super(message);
  }
}
