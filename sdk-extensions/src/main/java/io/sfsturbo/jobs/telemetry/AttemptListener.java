// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.telemetry;

/** Hears the rest of one HTTP attempt, after {@link Telemetry#attemptStarted(AttemptEvent)}. */
public interface AttemptListener {
  /** Ignores everything. */
  AttemptListener NONE = new AttemptListener() {};

  /**
   * The service throttled the attempt (HTTP 429); called just before {@link #attemptEnded(AttemptEvent)}.
   * {@link AttemptEvent#retryAfter()} says how long the server asked to wait, and
   * {@link AttemptEvent#retryDelay()} whether the SDK tries again and when.
   *
   * @param attempt the attempt, its end fields filled in
   */
  default void throttled(AttemptEvent attempt) {}

  /**
   * The attempt ended: with a response, without one, or cancelled. Called exactly once per attempt.
   *
   * @param attempt the attempt, its end fields filled in
   */
  default void attemptEnded(AttemptEvent attempt) {}
}
