// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.text;

/**
 * Makes text that came from a server safe to print on a terminal or to write to a log: the one
 * sanitizer of the SDK, used by its exception messages, its log lines, the model's {@code toString()},
 * and by the CLI.
 *
 * <p>A job's type, fail reason, error code, an error body's message or a response header are chosen by
 * whoever answers the request. Printed raw, an escape sequence in them can retitle or clear the terminal,
 * move the cursor, or (with a carriage return or a line feed) forge lines that look like the program's own
 * output; bidi controls and invisible format characters can make text read differently from what it is.
 * This class replaces each such character by a visible <code>&#92;u001b</code>-style escape (four lowercase
 * hex digits), so the text still shows what was sent but cannot drive the terminal.
 *
 * <pre>{@code
 * System.err.println("failed: " + SafeText.forMessage(job.failReason()));
 * }</pre>
 *
 * <p>Escaped: the C0 controls U+0000 to U+001F (line feed, carriage return and tab included), DEL U+007F,
 * the C1 controls U+0080 to U+009F, the line and paragraph separators U+2028 and U+2029, every character
 * of the Unicode category Cf ("format": the bidi controls U+202A to U+202E and U+2066 to U+2069, the
 * marks LRM, RLM and the Arabic letter mark, zero-width spaces and joiners, the word joiner, the byte
 * order mark, the tag characters...), and unpaired surrogates (a lone half of a pair cannot be encoded and
 * would print as {@code ?}); a supplementary character is escaped as its two UTF-16 halves. A backslash
 * is left as it is: the output is meant to be read, not decoded, so <code>&#92;u001b</code> in the output
 * may come from an escaped ESC or from a server that sent those six characters; both are harmless.
 */
public final class SafeText {
  /** The most characters of server text a single message (an exception's, a log line's) should carry. */
  public static final int MESSAGE_TEXT_LIMIT = 300;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private SafeText() {}

  /**
   * Returns the text with every terminal-controlling character replaced by a visible escape.
   *
   * @param s text from a server, or null
   * @return {@code "null"} for null; the same instance when nothing needed escaping; otherwise a copy with
   *     each control, separator and bidi character written <code>&#92;u00XX</code> or <code>&#92;u20XX</code>
   */
  public static String escape(String s) {
    if (s == null) {
      return "null";
    }
    int first = firstUnsafe(s);
    if (first < 0) {
      // The usual case: no copy.
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    sb.append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (needsEscape(s, i)) {
        appendEscape(c, sb);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Escapes the text, then cuts it to at most {@code maxChars} characters, so that a server cannot flood a
   * terminal or a log line through one message.
   *
   * @param s text from a server, or null
   * @param maxChars how many characters of the escaped text to keep; at least 0
   * @return the escaped text when it is short enough; otherwise its first {@code maxChars} characters
   *     followed by {@code …(cut, N chars)}, N being the length of {@code s} as received
   * @throws IllegalArgumentException when {@code maxChars} is negative
   */
  public static String capped(String s, int maxChars) {
    if (maxChars < 0) {
      throw new IllegalArgumentException("maxChars must not be negative, was " + maxChars);
    }
    String escaped = escape(s);
    if (escaped.length() <= maxChars) {
      return escaped;
    }
    int end = maxChars;
    // Never keep half of a surrogate pair: a lone surrogate prints as '?' or breaks the encoder.
    if (end > 0 && Character.isHighSurrogate(escaped.charAt(end - 1))) {
      end--;
    }
    return escaped.substring(0, end) + "\u2026(cut, " + s.length() + " chars)";
  }

  /**
   * Returns the text escaped and capped at {@link #MESSAGE_TEXT_LIMIT} characters: the form server text
   * takes inside an exception message or a log line.
   *
   * @param s text from a server, or null
   * @return {@link #capped(String, int) capped(s, MESSAGE_TEXT_LIMIT)}
   */
  public static String forMessage(String s) {
    return capped(s, MESSAGE_TEXT_LIMIT);
  }

  private static int firstUnsafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (needsEscape(s, i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Appends a character as a <code>&#92;uXXXX</code> escape, four lowercase hex digits: the form of
   * {@link #escape}, and a valid JSON string escape.
   *
   * @param c the character
   * @param sb where to append it
   */
  public static void appendEscape(char c, StringBuilder sb) {
    sb.append('\\').append('u').append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
        .append(HEX[c & 0xf]);
  }

  /**
   * Returns whether a character must not reach a terminal as it is: a control, a line or paragraph
   * separator, a format character (Unicode category Cf, bidi controls included), or half of a surrogate
   * pair without its other half. For a pair, both halves answer as the character they form.
   *
   * @param s the text
   * @param i the index of the character in it
   * @return whether {@link #escape} replaces it
   */
  public static boolean needsEscape(CharSequence s, int i) {
    char c = s.charAt(i);
    if (c >= 0x20 && c < 0x7f) {
      return false;
    }
    if (c <= 0x9f) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
        return true;
      }
      return isUnsafe(Character.toCodePoint(c, s.charAt(i + 1)));
    }
    if (Character.isLowSurrogate(c)) {
      if (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))) {
        return true;
      }
      return isUnsafe(Character.toCodePoint(s.charAt(i - 1), c));
    }
    return isUnsafe(c);
  }

  private static boolean isUnsafe(int codePoint) {
    if (codePoint == 0x2028 || codePoint == 0x2029) {
      return true;
    }
    return Character.getType(codePoint) == Character.FORMAT;
  }
}
