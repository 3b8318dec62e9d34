// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

/** Placeholder; replaced by the full sanitizer. */
public final class Printable {
  /** Cap of server text in messages. */
  public static final int MESSAGE_TEXT_LIMIT = 300;

  private Printable() {}

  /**
   * Escapes control characters.
   *
   * @param s text
   * @return escaped text
   */
  public static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Escapes and caps.
   *
   * @param s text
   * @param max chars
   * @return text
   */
  public static String capped(String s, int max) {
    String e = escape(s);
    return e.length() <= max ? e : e.substring(0, max) + "…(cut, " + (s == null ? 0 : s.length()) + " chars)";
  }

  /**
   * For messages.
   *
   * @param s text
   * @return text
   */
  public static String forMessage(String s) {
    return capped(s, MESSAGE_TEXT_LIMIT);
  }
}
