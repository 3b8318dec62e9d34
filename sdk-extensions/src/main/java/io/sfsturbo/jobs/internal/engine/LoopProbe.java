// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;

/**
 * Hears the tries of one {@link AttemptLoop}, for telemetry; the engine knows nothing of what is reported.
 * Tries are reported one at a time, each ended exactly once (by its outcome, or as abandoned when
 * the loop is cancelled or closed during it). Times are readings of the loop's ticker. A loop
 * without a probe makes none of these calls. Implementations must not throw.
 *
 * @param <T> what a try yields
 */
public interface LoopProbe<T> {
  /**
   * The loop started (it was accepted by its client's scope).
   *
   * @param nowNanos the ticker's reading
   */
  void loopStarted(long nowNanos);

  /**
   * A try starts.
   *
   * @param number 1 for the first
   * @param nowNanos the ticker's reading
   */
  void tryStarted(int number, long nowNanos);

  /**
   * The try in flight got a response (before its outcome is reported).
   *
   * @param status the HTTP status
   * @param requestId the response's request id, or null
   */
  void responded(int status, String requestId);

  /**
   * The try in flight ended, and the loop decided what follows.
   *
   * @param value what it yielded, or null when it failed
   * @param failure why it failed, or null
   * @param nextDelayNanos the pause before the next try, or -1 when the loop ends
   * @param nowNanos the ticker's reading
   */
  void tryEnded(T value, SfsTurboException failure, long nextDelayNanos, long nowNanos);

  /**
   * The try in flight was given up: the loop was cancelled or closed during it.
   *
   * @param nowNanos the ticker's reading
   */
  void tryAbandoned(long nowNanos);
}
