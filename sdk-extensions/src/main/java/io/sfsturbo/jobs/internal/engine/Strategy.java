// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;
import java.time.Duration;

/**
 * The decisions of one loop: what each try's outcome means. A plain call finishes at the first
 * value and retries transient failures; a wait finishes when the job ends and polls again
 * otherwise. Called from one try at a time, never concurrently; need not be thread-safe.
 *
 * @param <T> what a try yields
 * @param <R> what the loop yields
 */
public interface Strategy<T, R> {
  /**
   * Decides after a successful try.
   *
   * @param value what the try gave
   * @param elapsed time since the loop started
   * @return the next step
   */
  Step<R> onSuccess(T value, Duration elapsed);

  /**
   * Decides after a failed try.
   *
   * @param failure why it failed
   * @param elapsed time since the loop started
   * @return the next step
   */
  Step<R> onFailure(SfsTurboException failure, Duration elapsed);

  /**
   * Builds the failure that ends the loop at its deadline.
   *
   * @param lastFailure the last try's failure, or null when the last try succeeded
   * @param refused the step that could not fit before the deadline, or null when the time simply ran out
   * @param elapsed time since the loop started
   * @return the failure to end with
   */
  SfsTurboException onExpired(SfsTurboException lastFailure, Step<R> refused, Duration elapsed);

  /**
   * Decides about a try that the client's rate limiter would hold back: wait for its slot, or skip
   * it and try later (a wait's poll is better made at its next scheduled time than late: no request,
   * and no queue for the other tries). The loop takes a skip only when its delay ends before the
   * latest start that the deadline allows; otherwise the try waits for its slot.
   *
   * @param holdNanos how long the limiter would hold the try, positive
   * @param elapsed time since the loop started
   * @return null to wait for the slot (the default), or a step that tries again after a delay instead
   */
  default Step<R> onHeld(long holdNanos, Duration elapsed) {
    return null;
  }

  /**
   * Builds the failure that ends a synchronous loop whose thread was interrupted (its flag is set again).
   *
   * @param e the interruption
   * @return the failure to end with
   */
  SfsTurboException onInterrupted(InterruptedException e);
}
