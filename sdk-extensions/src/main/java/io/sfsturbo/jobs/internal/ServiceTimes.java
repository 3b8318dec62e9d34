// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads the API's {@code yyyy-MM-dd HH:mm:ss} UTC times; an unreadable time is absent, not fatal. */
public final class ServiceTimes {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ServiceTimes() {}

  /**
   * Parses a service time.
   *
   * @param text the field's text, may be null
   * @return the instant, or null when the text is null, blank or not in the documented format
   */
  public static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Formats an instant the way the service writes times. */
  public static String format(Instant instant) {
    return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
