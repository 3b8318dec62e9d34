// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Reads the API's {@code yyyy-MM-dd HH:mm:ss} UTC times; an unreadable time is absent, not fatal. */
final class ServiceTimes {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ServiceTimes() {}

  /**
   * Parses a service time.
   *
   * @param text the field's text, may be null
   * @return the instant, or null when the text is null, blank or not in the documented format
   */
  static Instant parse(String text) {
    // Hand-read: this runs twice per response, and DateTimeFormatter parsing costs more than the
    // rest of the mapping. The format is fixed: yyyy-MM-dd HH:mm:ss.
    if (text == null || text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-'
        || text.charAt(10) != ' ' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    try {
      return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2),
          digits(text, 14, 2), digits(text, 17, 2)).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Formats an instant the way the service writes times. */
  static String format(Instant instant) {
    return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
