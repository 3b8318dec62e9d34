// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.SafeText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations as people write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, compound
 * ({@code 1h30m}, {@code 1m30s}, or {@code 2m 05s} as the CLI prints them), with a fraction in the units where one
 * makes sense ({@code 1.5s}, {@code 0.5m}; not milliseconds), or ISO-8601 {@code PT30S}.
 *
 * <p>A duration must be positive and at most {@link #MAX} long. The cap turns absurd values (a typo, or a number
 * that overflows) into a usage error here, instead of an {@link ArithmeticException} or an {@code Instant}
 * overflow when a deadline is computed later. The messages start with the value as given: picocli puts the
 * option's name before them.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  /** The longest duration accepted: far beyond any job, short enough to add to any clock. */
  static final Duration MAX = Duration.ofDays(365);

  /** One number and its unit; {@code ms} before {@code m}, or "5ms" would read as five minutes and an "s". */
  private static final Pattern PART = Pattern.compile("\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)(ms|d|h|m|s)");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(?:\\.\\d*)?|\\.\\d+)");
  /** The units from largest to smallest: a compound duration names them in this order, each once. */
  private static final String[] UNITS = {"d", "h", "m", "s", "ms"};
  private static final long[] UNIT_NANOS = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L,
      1_000_000_000L, 1_000_000L};
  private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(MAX.toNanos());

  @Override
  public Duration convert(String value) {
    String shown = "'" + SafeText.capped(value, 40) + "'";
    String text = value.trim().toLowerCase(Locale.ROOT);
    BigDecimal nanos;
    if (text.startsWith("p") || text.startsWith("-p") || text.startsWith("+p")) {
      nanos = iso(text, shown);
    } else if (NUMBER.matcher(text).matches()) {
      // A bare number is a positive duration whose unit is missing, or a non-positive one whatever the unit.
      if (new BigDecimal(text).signum() <= 0) {
        throw notPositive(shown);
      }
      String n = text.startsWith("+") ? text.substring(1) : text;
      throw new CommandLine.TypeConversionException(shown + " has no unit; for example " + n + "s or 5m");
    } else {
      nanos = compound(text, shown);
    }
    if (nanos.signum() <= 0) {
      throw notPositive(shown);
    }
    if (nanos.compareTo(MAX_NANOS) > 0) {
      throw tooLong(shown);
    }
    return Duration.ofNanos(nanos.longValueExact());
  }

  private static BigDecimal iso(String text, String shown) {
    try {
      Duration d = Duration.parse(text.toUpperCase(Locale.ROOT));
      return BigDecimal.valueOf(d.getSeconds()).multiply(BigDecimal.valueOf(1_000_000_000L))
          .add(BigDecimal.valueOf(d.getNano()));
    } catch (DateTimeParseException e) {
      if (e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException) {
        // More seconds than a Duration holds, or more digits than a long: too long either way.
        throw tooLong(shown);
      }
      throw notADuration(shown);
    }
  }

  /** {@code 1h30m}, {@code -5s}: parts in decreasing units, each once. */
  private static BigDecimal compound(String text, String shown) {
    int sign = 1;
    String body = text;
    if (body.startsWith("-") || body.startsWith("+")) {
      sign = body.startsWith("-") ? -1 : 1;
      body = body.substring(1);
    }
    Matcher m = PART.matcher(body);
    BigDecimal nanos = BigDecimal.ZERO;
    int pos = 0;
    int lastUnit = -1;
    while (pos < body.length()) {
      m.region(pos, body.length());
      if (!m.lookingAt()) {
        throw notADuration(shown);
      }
      int unit = unitIndex(m.group(2));
      if (unit <= lastUnit) {
        throw new CommandLine.TypeConversionException(shown + ": write the units from the largest to the smallest, "
            + "each once, for example 1h30m or 1m30s");
      }
      String number = m.group(1);
      if (unit == UNITS.length - 1 && number.contains(".")) {
        throw new CommandLine.TypeConversionException(shown + ": milliseconds are whole; for example 1500ms or 1.5s");
      }
      nanos = nanos.add(new BigDecimal(number.endsWith(".") ? number + "0" : number)
          .multiply(BigDecimal.valueOf(UNIT_NANOS[unit])));
      if (nanos.compareTo(MAX_NANOS) > 0) {
        // Checked as it grows: a hundred-digit number is refused without more arithmetic on it.
        throw sign > 0 ? tooLong(shown) : notPositive(shown);
      }
      lastUnit = unit;
      pos = m.end();
    }
    if (lastUnit < 0) {
      throw notADuration(shown);
    }
    return nanos.setScale(0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(sign));
  }

  private static int unitIndex(String unit) {
    for (int i = 0; i < UNITS.length; i++) {
      if (UNITS[i].equals(unit)) {
        return i;
      }
    }
    throw new IllegalStateException(unit);
  }

  private static CommandLine.TypeConversionException notADuration(String shown) {
    return new CommandLine.TypeConversionException(shown
        + " is not a duration; write e.g. 500ms, 30s, 1m30s, 1.5h or PT30S");
  }

  private static CommandLine.TypeConversionException notPositive(String shown) {
    return new CommandLine.TypeConversionException(shown + " is not a positive duration; for example 30s or 5m");
  }

  private static CommandLine.TypeConversionException tooLong(String shown) {
    return new CommandLine.TypeConversionException(shown + " is too long; at most 365 days (8760h) is allowed");
  }
}
