// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;
import java.time.Duration;

/**
 * What a {@link Strategy} decides after a try: finish with a value, fail, or try again after a
 * delay. A delay the server asked for ({@code Retry-After}) is a floor: when it would pass the
 * deadline, the loop ends instead of shortening it; any other delay is clamped to the deadline.
 *
 * @param <R> the loop's result
 */
public final class Step<R> {
  final R value;
  final SfsTurboException failure;
  final long delayNanos;
  final boolean serverAsked;

  private Step(R value, SfsTurboException failure, long delayNanos, boolean serverAsked) {
    this.value = value;
    this.failure = failure;
    this.delayNanos = delayNanos;
    this.serverAsked = serverAsked;
  }

  /**
   * Ends the loop with a value.
   *
   * @param value the result
   * @param <R> the result type
   * @return the step
   */
  public static <R> Step<R> done(R value) {
    return new Step<>(value, null, -1, false);
  }

  /**
   * Ends the loop with a failure.
   *
   * @param failure the failure
   * @param <R> the result type
   * @return the step
   */
  public static <R> Step<R> fail(SfsTurboException failure) {
    return new Step<>(null, failure, -1, false);
  }

  /**
   * Tries again after a delay that the loop may shorten to fit the deadline.
   *
   * @param delay zero or more
   * @param <R> the result type
   * @return the step
   */
  public static <R> Step<R> again(Duration delay) {
    return new Step<>(null, null, Math.max(0, delay.toNanos()), false);
  }

  /**
   * Tries again no sooner than the server asked; the loop ends rather than shorten it.
   *
   * @param delay zero or more
   * @param <R> the result type
   * @return the step
   */
  public static <R> Step<R> againNoSooner(Duration delay) {
    return new Step<>(null, null, Math.max(0, delay.toNanos()), true);
  }

  /**
   * Tries again after a backoff delay, or after the server's {@code Retry-After} when it asked for
   * longer (then a floor, as {@link #againNoSooner(Duration)}).
   *
   * @param backoff the computed delay
   * @param retryAfter what the server asked for, or null
   * @param <R> the result type
   * @return the step
   */
  public static <R> Step<R> againAfter(Duration backoff, Duration retryAfter) {
    if (retryAfter == null) {
      return again(backoff);
    }
    return againNoSooner(retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff);
  }

  boolean isAgain() {
    return delayNanos >= 0;
  }

  /** Returns the delay this step asked for (for messages), or null when it ends the loop. */
  public Duration delay() {
    return delayNanos < 0 ? null : Duration.ofNanos(delayNanos);
  }

  /** Returns whether the delay is a server's floor ({@code Retry-After}). */
  public boolean isServerAsked() {
    return serverAsked;
  }
}
