// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.internal.Durations;
import java.time.Duration;

/**
 * What a {@link Decider} decides after a try: finish with a value, fail, or try again after a delay.
 * The delay may be shortened by the loop so that a last try fits before the deadline, but never below
 * its floor: the wait the server asked for ({@code Retry-After}). A floor that does not fit before the
 * deadline ends the loop at once, naming it.
 *
 * @param <R> the loop's result
 */
public final class Decision<R> {
  final R value;
  final SfsTurboException failure;
  final long delayNanos;
  final long floorNanos;
  final String floorReason;

  private Decision(R value, SfsTurboException failure, long delayNanos, long floorNanos, String floorReason) {
    this.value = value;
    this.failure = failure;
    this.delayNanos = delayNanos;
    this.floorNanos = floorNanos;
    this.floorReason = floorReason;
  }

  /**
   * Ends the loop with a value.
   *
   * @param value the result
   * @param <R> the result type
   * @return the decision
   */
  public static <R> Decision<R> done(R value) {
    return new Decision<>(value, null, -1, 0, null);
  }

  /**
   * Ends the loop with a failure.
   *
   * @param failure the failure
   * @param <R> the result type
   * @return the decision
   */
  public static <R> Decision<R> fail(SfsTurboException failure) {
    return new Decision<>(null, failure, -1, 0, null);
  }

  /**
   * Tries again after a delay that the loop may shorten to fit the deadline.
   *
   * @param delay zero or more
   * @param <R> the result type
   * @return the decision
   */
  public static <R> Decision<R> again(Duration delay) {
    return new Decision<>(null, null, Durations.saturatedNanos(delay), 0, null);
  }

  /**
   * Tries again after a delay, never sooner than a floor the server set.
   *
   * @param delay the delay wanted, at least the floor
   * @param floor the least delay
   * @param floorReason why the floor, for the message when it does not fit (for example "the server asked
   *     to wait 30s (Retry-After)")
   * @param <R> the result type
   * @return the decision
   */
  public static <R> Decision<R> againNoSoonerThan(Duration delay, Duration floor, String floorReason) {
    long floorNanos = Durations.saturatedNanos(floor);
    return new Decision<>(null, null, Math.max(floorNanos, Durations.saturatedNanos(delay)), floorNanos,
        floorReason);
  }

  boolean isAgain() {
    return delayNanos >= 0;
  }

  /**
   * Returns the delay this decision asked for, before any shortening.
   *
   * @return the delay, or null when it ends the loop
   */
  public Duration delay() {
    return delayNanos < 0 ? null : Duration.ofNanos(delayNanos);
  }

  /**
   * Returns the least delay, the server's.
   *
   * @return the floor, or null when the delay may be shortened to any length
   */
  public Duration floor() {
    return floorNanos > 0 ? Duration.ofNanos(floorNanos) : null;
  }

  /**
   * Returns why the delay has a floor.
   *
   * @return the reason, or null when the delay may be shortened to any length
   */
  public String floorReason() {
    return floorNanos > 0 ? floorReason : null;
  }
}
