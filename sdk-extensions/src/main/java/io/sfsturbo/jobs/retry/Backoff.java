// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.retry;

import io.sfsturbo.jobs.internal.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How delays grow between tries: the one backoff type of the SDK, used by retries
 * ({@link RetryPolicy}) and by a waiter's polls alike. An immutable value.
 *
 * <p>The n-th delay (counting from 0) is {@code min(initialDelay × multiplier^n, maxDelay)}, then
 * drawn from {@code [d × (1 − jitter), d]} as {@code d × (1 − jitter × r)} for a random r in
 * [0, 1): a jitter of 1 is "full jitter" (any delay up to d), 0 none. Jitter spreads clients that failed together, so they do not return together.
 */
public final class Backoff {
  /** The longest delay a backoff may hold: no loop of the SDK (a wait at most) runs longer. */
  public static final Duration MAX_DELAY = Duration.ofDays(365);

  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final double jitter;

  private Backoff(Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {
    this.initialDelay = initialDelay;
    this.multiplier = multiplier;
    this.maxDelay = maxDelay;
    this.jitter = jitter;
  }

  /**
   * Returns a backoff.
   *
   * @param initialDelay the first delay, before jitter; from zero to {@link #MAX_DELAY}
   * @param multiplier the growth per try; finite, at least 1
   * @param maxDelay the cap, before jitter; not less than initialDelay, at most {@link #MAX_DELAY}
   * @param jitter the fraction of each delay drawn at random, in [0, 1]
   * @return the backoff
   * @throws IllegalArgumentException when a value is out of range
   */
  public static Backoff of(Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {
    Durations.requireBetween("initialDelay", initialDelay, Duration.ZERO, MAX_DELAY, "365 days");
    Durations.requireBetween("maxDelay", maxDelay, Duration.ZERO, MAX_DELAY, "365 days");
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be a finite number of at least 1, was " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be less than initialDelay ("
          + initialDelay + ")");
    }
    return new Backoff(initialDelay, multiplier, maxDelay, jitter);
  }

  /**
   * Returns the delay before a try.
   *
   * @param n how many delays came before this one (0 for the first)
   * @param random a number in [0, 1) that draws the jitter
   * @return the delay, never negative and never above {@link #maxDelay()}
   */
  public Duration delay(int n, double random) {
    // Both ends are at most a year of milliseconds, so the product is exact enough and never overflows; a
    // power that grows to infinity is capped like any other.
    double grown = initialDelay.isZero() ? 0 : initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, n));
    double capped = Math.min(grown, (double) maxDelay.toMillis());
    double drawn = capped * (1.0 - jitter * Math.min(Math.max(random, 0.0), 1.0));
    return Duration.ofMillis((long) drawn);
  }

  /** Returns the first delay, before jitter. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** Returns the growth factor per try. */
  public double multiplier() {
    return multiplier;
  }

  /** Returns the largest delay, before jitter. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** Returns the jitter fraction in [0, 1]. */
  public double jitter() {
    return jitter;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Backoff)) {
      return false;
    }
    Backoff b = (Backoff) o;
    return initialDelay.equals(b.initialDelay) && Double.compare(multiplier, b.multiplier) == 0
        && maxDelay.equals(b.maxDelay) && Double.compare(jitter, b.jitter) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(initialDelay, multiplier, maxDelay, jitter);
  }

  @Override
  public String toString() {
    return "Backoff{initialDelay=" + initialDelay + ", multiplier=" + multiplier + ", maxDelay=" + maxDelay
        + ", jitter=" + jitter + '}';
  }
}
