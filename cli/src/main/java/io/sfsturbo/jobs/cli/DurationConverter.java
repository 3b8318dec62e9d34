// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.SafeText;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations written {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601 {@code PT30S}.
 *
 * <p>A duration must be positive and at most {@link #MAX} long. The cap turns absurd values (a typo, or
 * a number that overflows) into a usage error here, instead of an {@link ArithmeticException} or an
 * {@code Instant} overflow when a deadline is computed later.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  /** The longest duration accepted: far beyond any job, short enough to add to any clock. */
  static final Duration MAX = Duration.ofDays(365);

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    String shown = "'" + SafeText.capped(value, 40) + "'";
    String text = value.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(text);
    Duration d;
    if (m.matches()) {
      try {
        d = simple(Long.parseLong(m.group(1)), m.group(2));
      } catch (NumberFormatException | ArithmeticException e) {
        // More digits than a long holds, or more seconds than a Duration holds: too long either way.
        throw tooLong(shown);
      }
    } else {
      try {
        d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        if (e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException) {
          throw tooLong(shown);
        }
        throw new CommandLine.TypeConversionException(shown
            + " is not a duration; write e.g. 500ms, 30s, 5m, 1h or PT30S");
      }
    }
    if (d.isNegative() || d.isZero()) {
      throw new CommandLine.TypeConversionException(shown + " must be a positive duration");
    }
    if (d.compareTo(MAX) > 0) {
      throw tooLong(shown);
    }
    return d;
  }

  private static Duration simple(long n, String unit) {
    switch (unit) {
      case "ms":
        return Duration.ofMillis(n);
      case "s":
        return Duration.ofSeconds(n);
      case "m":
        return Duration.ofMinutes(n);
      default:
        return Duration.ofHours(n);
    }
  }

  private static CommandLine.TypeConversionException tooLong(String shown) {
    return new CommandLine.TypeConversionException(shown + " is too long; at most 365 days (8760h) is allowed");
  }
}
