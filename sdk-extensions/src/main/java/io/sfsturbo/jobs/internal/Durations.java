// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.time.Duration;
import java.util.Objects;

/** Checks of the durations that builders take, with messages naming the setting. */
public final class Durations {
  private Durations() {}

  /**
   * Returns the duration when it is zero or positive.
   *
   * @param name the setting, for the message
   * @param d the duration
   * @return d
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
   */
  public static Duration requirePositive(String name, Duration d) {
    requireNonNegative(name, d);
    if (d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }
}
