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

  /**
   * Formats a duration for people: {@code 850ms}, {@code 4.2s}, {@code 2m 05s}, {@code 1h 02m 03s}.
   *
   * @param d the duration, may be null
   * @return the text
   */
  public static String human(Duration d) {
    if (d == null) {
      return "-";
    }
    long ms = d.toMillis();
    if (ms < 0) {
      return "-" + human(d.negated());
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      long tenths = ms / 100;
      return tenths % 10 == 0 ? (tenths / 10) + "s" : (tenths / 10) + "." + (tenths % 10) + "s";
    }
    long s = ms / 1000;
    if (s < 3600) {
      return String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    return String.format(java.util.Locale.ROOT, "%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60);
  }
}
