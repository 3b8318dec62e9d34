// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.errors.SfsTurboException;

/**
 * A {@link WaitCheckpoint}'s text cannot be read: it is not a checkpoint, it was cut short or
 * altered (its checksum does not match), or a newer version of the SDK wrote it. The message
 * says which; it never repeats the text. Not retryable: reading the same text again fails again.
 */
public class InvalidCheckpointException extends SfsTurboException {
  private static final long serialVersionUID = 1L;

  InvalidCheckpointException(String message) {
    super(message);
  }

  InvalidCheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
