// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.telemetry;

/**
 * Hears one wait after {@link Telemetry#waitStarted(WaitEvent)}: each poll, each change of the
 * job's status, and its end. Each poll is also an HTTP attempt, reported to
 * {@link Telemetry#attemptStarted(AttemptEvent)} with this listener as its {@link AttemptEvent#parent()}.
 */
public interface WaitListener {
  /** Ignores everything. */
  WaitListener NONE = new WaitListener() {};

  /**
   * A poll ended (after its attempt's {@link AttemptListener#attemptEnded(AttemptEvent)}).
   *
   * @param waitEvent the wait, {@link WaitEvent#polls()} counting this poll
   * @param poll the poll's attempt
   */
  default void polled(WaitEvent waitEvent, AttemptEvent poll) {}

  /**
   * The job's status changed, or was seen for the first time (from null).
   *
   * @param waitEvent the wait
   * @param previous the status before, as the service wrote it, or null at the first poll that read one
   * @param current the new status as the service wrote it, or null when the service sent none
   */
  default void statusChanged(WaitEvent waitEvent, String previous, String current) {}

  /**
   * The wait ended, however it did (the job ended, the deadline passed, it was cancelled, the
   * client closed...). Called exactly once.
   *
   * @param waitEvent the wait, with its {@link WaitEvent#outcome()}
   */
  default void waitEnded(WaitEvent waitEvent) {}
}
