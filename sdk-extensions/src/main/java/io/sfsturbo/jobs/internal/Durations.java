// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Checks of the durations that builders take, with messages naming the setting, and arithmetic on
 * nanosecond readings that saturates instead of overflowing: every accepted duration, however long,
 * becomes a number of nanoseconds no calculation can wrap.
 */
public final class Durations {
  /** The longest span the SDK computes with: about 146 years, far past any budget, yet far from overflow. */
  public static final long MAX_NANOS = Long.MAX_VALUE / 2;

  private Durations() {}

  /**
   * Returns the duration when it is zero or positive.
   *
   * @param name the setting, for the message
   * @param d the duration
   * @return d
   * @throws IllegalArgumentException when it is negative
   */
  public static Duration requireNonNegative(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
    return d;
  }

  /**
   * Returns the duration when it is positive.
   *
   * @param name the setting, for the message
   * @param d the duration
   * @return d
   * @throws IllegalArgumentException when it is zero or negative
   */
  public static Duration requirePositive(String name, Duration d) {
    requireNonNegative(name, d);
    if (d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  /**
   * Returns the duration when it is within a range.
   *
   * @param name the setting, for the message
   * @param d the duration
   * @param min the least allowed
   * @param max the most allowed
   * @param maxText the most allowed in words, for the message (for example {@code one day})
   * @return d
   * @throws IllegalArgumentException outside the range
   */
  public static Duration requireBetween(String name, Duration d, Duration min, Duration max, String maxText) {
    Objects.requireNonNull(d, name);
    if (d.compareTo(min) < 0) {
      throw new IllegalArgumentException(name + (min.isZero() ? " must not be negative"
          : !d.isNegative() && !d.isZero() ? " must be at least " + min : " must be positive") + ", was " + d);
    }
    if (d.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + maxText + ", was " + d);
    }
    return d;
  }

  /**
   * Returns a duration in nanoseconds, at most {@link #MAX_NANOS}; a negative one is zero.
   *
   * @param d the duration
   * @return the nanoseconds
   */
  public static long saturatedNanos(Duration d) {
    if (d.isNegative()) {
      return 0;
    }
    // Compared before converting: toNanos() throws beyond about 292 years.
    return d.compareTo(Duration.ofNanos(MAX_NANOS)) >= 0 ? MAX_NANOS : d.toNanos();
  }

  /**
   * Adds two readings or spans, clamped to {@code [-MAX_NANOS, MAX_NANOS]}: with both operands in that
   * range the sum cannot wrap.
   *
   * @param a a value in range
   * @param b a value in range
   * @return the clamped sum
   */
  public static long add(long a, long b) {
    long sum = clamp(a) + clamp(b);
    return clamp(sum);
  }

  /**
   * Clamps a value to {@code [-MAX_NANOS, MAX_NANOS]}.
   *
   * @param v the value
   * @return the clamped value
   */
  public static long clamp(long v) {
    return v > MAX_NANOS ? MAX_NANOS : v < -MAX_NANOS ? -MAX_NANOS : v;
  }

  /**
   * Returns {@code n + 1}, or {@code n} at {@link Integer#MAX_VALUE}: a counter that cannot wrap.
   *
   * @param n the count
   * @return the next count
   */
  public static int increment(int n) {
    return n == Integer.MAX_VALUE ? n : n + 1;
  }
}
