// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

/**
 * Checks secrets and tokens before they go into a request header or a signature, so that a bad
 * one fails early with a message saying where it came from and what is wrong with it.
 *
 * <p>The values checked here are secrets: a message names the source, the rule broken, the
 * position and the code point of the offending character, but never the value or any part of
 * it. OkHttp's own check would fail later, on a worker thread, and for most header names it
 * quotes the value.
 */
public final class HeaderValues {
  private HeaderValues() {}

  /**
   * Returns the value without surrounding whitespace, when what is left can be sent as an HTTP
   * header value.
   *
   * <p>Surrounding spaces, tabs, CR and LF are removed first: a token file or variable written
   * on Windows ends in CR LF, and other cloud CLIs trim them too. What remains must be printable
   * ASCII ({@code U+0020} to {@code U+007E}); a tab inside the value is refused as well, although
   * HTTP allows it, because no token or key holds one and it would be a copy-and-paste accident.
   *
   * @param value the value to check; a secret
   * @param source where the value came from, for the message: a variable name such as
   *     {@code HUAWEICLOUD_SDK_SK}, a method such as {@code TokenCredentials.of(token)}, or a
   *     phrase such as {@code the token supplier of TokenCredentials}
   * @param what what the value is, for the message, such as {@code the secret key}
   * @return the value with surrounding whitespace removed
   * @throws IllegalArgumentException when the value is null, blank, or holds a character outside
   *     printable ASCII; the message never contains the value
   */
  public static String requireValid(String value, String source, String what) {
    String subject = what + " from " + source;
    if (value == null) {
      throw new IllegalArgumentException(subject + " must not be null");
    }
    String trimmed = trim(value);
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(subject + " must not be blank (it is empty or only whitespace)");
    }
    for (int i = 0; i < trimmed.length(); ) {
      int cp = trimmed.codePointAt(i);
      if (cp < 0x20 || cp > 0x7e) {
        throw new IllegalArgumentException(subject + " contains " + describe(cp) + " at index " + i
            + " (after trimming surrounding whitespace); only printable ASCII (U+0020 to U+007E) is accepted, as in"
            + " an HTTP header (the value is not shown)");
      }
      i += Character.charCount(cp);
    }
    return trimmed;
  }

  /** Only the whitespace an editor, a shell or a Windows line end leaves around a value; never NUL or others. */
  private static String trim(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSurroundingWhitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSurroundingWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isSurroundingWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static String describe(int cp) {
    String hex = codePoint(cp);
    if (cp == '\t') {
      return "a tab (" + hex + ")";
    }
    if (cp == '\r' || cp == '\n') {
      return "a line break (" + hex + ")";
    }
    if (cp < 0x20 || cp == 0x7f) {
      return "a control character (" + hex + ")";
    }
    if (cp == 0xfeff) {
      // Notepad and PowerShell write one at the start of UTF-8 files; naming it saves a search.
      return "non-ASCII " + hex + " (a byte order mark)";
    }
    if (cp >= 0xd800 && cp <= 0xdfff) {
      return "an unpaired surrogate " + hex;
    }
    return "non-ASCII " + hex;
  }

  private static String codePoint(int cp) {
    String hex = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
    StringBuilder sb = new StringBuilder("U+");
    for (int i = hex.length(); i < 4; i++) {
      sb.append('0');
    }
    return sb.append(hex).toString();
  }
}
