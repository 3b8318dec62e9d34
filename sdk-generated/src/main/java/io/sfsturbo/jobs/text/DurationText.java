// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.text;

import java.time.Duration;
import java.util.Locale;

/**
 * Writes a duration for people, the way the SDK's messages, the CLI and the adapters show one:
 * {@code 850ms}, {@code 4.2s}, {@code 2m 05s}, {@code 1h 02m 03s}, {@code 3d 04h 05m}.
 *
 * <pre>{@code
 * System.err.println("gave up after " + DurationText.format(e.elapsed()));
 * }</pre>
 */
public final class DurationText {
  private DurationText() {}

  /**
   * Formats a duration, to the millisecond under a second, the tenth of a second under a minute, the
   * second under a day and the minute beyond; a negative one with a leading {@code -}.
   *
   * @param d the duration, may be null
   * @return the text; {@code -} for null
   */
  public static String format(Duration d) {
    if (d == null) {
      return "-";
    }
    if (d.isNegative()) {
      // Duration.negated() overflows only for the smallest duration, which is not a span anything lasts.
      return d.getSeconds() == Long.MIN_VALUE ? "-" + format(Duration.ofSeconds(Long.MAX_VALUE)) : "-" + format(d.negated());
    }
    long s = d.getSeconds();
    if (s < 60) {
      long ms = s * 1000 + d.getNano() / 1_000_000;
      if (ms < 1000) {
        return ms + "ms";
      }
      long tenths = ms / 100;
      return tenths % 10 == 0 ? (tenths / 10) + "s" : (tenths / 10) + "." + (tenths % 10) + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    if (s < 86_400) {
      return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dd %02dh %02dm", s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
  }
}
