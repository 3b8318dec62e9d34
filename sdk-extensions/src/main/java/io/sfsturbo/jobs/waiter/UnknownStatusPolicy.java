// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

/** What a wait does when the job reports a status the API does not document. */
public enum UnknownStatusPolicy {
  /** Report it to the listener and keep polling: the status may be new but not final. The default. */
  KEEP_POLLING,
  /** End the wait at once with an {@link UnexpectedJobStatusException}. */
  FAIL_FAST
}
