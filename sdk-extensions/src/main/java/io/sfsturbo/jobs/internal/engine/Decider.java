// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;
import java.time.Duration;

/**
 * The decisions of one {@link AttemptLoop}: what each try's outcome means. A plain call finishes at the
 * first value and retries transient failures ({@link CallDecider}); a wait finishes when the job ends and
 * polls again otherwise. Called from one try at a time, never concurrently; need not be thread-safe.
 *
 * @param <T> what a try yields
 * @param <R> what the loop yields
 */
public interface Decider<T, R> {
  /**
   * Decides after a successful try.
   *
   * @param value what the try gave
   * @param elapsed time since the loop started
   * @return the decision
   */
  Decision<R> onSuccess(T value, Duration elapsed);

  /**
   * Decides after a failed try.
   *
   * @param failure why it failed
   * @param elapsed time since the loop started
   * @return the decision
   */
  Decision<R> onFailure(SfsTurboException failure, Duration elapsed);

  /**
   * Builds the failure that ends the loop at its deadline.
   *
   * @param lastFailure the last try's failure, or null when the last try succeeded
   * @param refused the decision whose floor could not fit before the deadline, or null when the time ran out
   * @param elapsed time since the loop started
   * @return the failure to end with
   */
  SfsTurboException onExpired(SfsTurboException lastFailure, Decision<R> refused, Duration elapsed);

  /**
   * Decides about a try that the client's rate limiter would hold back: wait for its slot, or skip it and
   * try later (a wait's poll is better made at its next scheduled time than late). The loop takes a skip
   * only when its delay ends before the latest start the deadline allows.
   *
   * @param holdNanos how long the limiter would hold the try, positive
   * @param elapsed time since the loop started
   * @return null to wait for the slot (the default), or a decision to try again after a delay instead
   */
  default Decision<R> onHeld(long holdNanos, Duration elapsed) {
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
