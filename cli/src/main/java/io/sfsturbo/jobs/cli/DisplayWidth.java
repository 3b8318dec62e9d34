// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

/**
 * How many terminal columns text takes, and how to cut it to a width: a live line that is one column too wide
 * wraps, and the board's redraw (cursor up one row per line) then erases the wrong rows.
 *
 * <p>Counted per code point, never per UTF-16 char: East Asian Wide and Fullwidth characters (CJK, Hangul, kana,
 * fullwidth forms, most emoji) take 2 columns, combining and enclosing marks and other zero-width characters 0,
 * the rest 1. Text from the server arrives here already escaped by {@code SafeText}, so a control character is
 * the six columns of its printed escape (<code>&#92;u001b</code>), counted as such. A cut never splits a surrogate pair, a
 * character from its combining marks, or an escape the CLI printed.
 */
final class DisplayWidth {
  /**
   * East Asian Wide (W) and Fullwidth (F) ranges of Unicode 15.1's EastAsianWidth.txt, merged, sorted, inclusive:
   * what terminals draw two columns wide.
   */
  private static final int[] WIDE = {
      0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
      0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
      0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
      0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
      0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
      0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x2E99,
      0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x303E, 0x3041, 0x3096, 0x3099, 0x30FF, 0x3105, 0x312F,
      0x3131, 0x318E, 0x3190, 0x31E3, 0x31EF, 0x321E, 0x3220, 0x3247, 0x3250, 0x4DBF, 0x4E00, 0xA48C,
      0xA490, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE52,
      0xFE54, 0xFE66, 0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1,
      0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18D00, 0x18D08, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB,
      0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122, 0x1B132, 0x1B132, 0x1B150, 0x1B152, 0x1B155, 0x1B155,
      0x1B164, 0x1B167, 0x1B170, 0x1B2FB, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E,
      0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251,
      0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393,
      0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E,
      0x1F440, 0x1F440, 0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567,
      0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5,
      0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC,
      0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945,
      0x1F947, 0x1F9FF, 0x1FA70, 0x1FA7C, 0x1FA80, 0x1FA88, 0x1FA90, 0x1FABD, 0x1FABF, 0x1FAC5,
      0x1FACE, 0x1FADB, 0x1FAE0, 0x1FAE8, 0x1FAF0, 0x1FAF8, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD};

  /** What a cut line ends with: says that something was cut, in one column. */
  static final String CUT = "~";

  private DisplayWidth() {}

  /** The columns the text takes on a terminal. */
  static int of(CharSequence s) {
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      width += of(cp);
      i += Character.charCount(cp);
    }
    return width;
  }

  /** The columns one code point takes: 0, 1 or 2. */
  static int of(int cp) {
    if (cp < 0x20 || cp >= 0x7f && cp < 0xa0) {
      // Never printed raw (SafeText escapes them); a terminal would not advance for most.
      return 0;
    }
    if (cp < 0x7f) {
      return 1;
    }
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
        || cp >= 0x1160 && cp <= 0x11FF) {
      // Combining marks, zero-width format characters, and Hangul vowels and finals that join the syllable before.
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  static boolean isWide(int cp) {
    int lo = 0;
    int hi = WIDE.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (cp < WIDE[2 * mid]) {
        hi = mid - 1;
      } else if (cp > WIDE[2 * mid + 1]) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * The line as it fits a terminal of the given width: unchanged when it takes fewer columns than that (the last
   * column stays free, since a line that fills it wraps on some terminals), else cut and ended with {@link #CUT}.
   */
  static String fit(String line, int columns) {
    if (of(line) < columns) {
      return line;
    }
    int room = Math.max(0, columns - 1 - CUT.length());
    int width = 0;
    int end = 0;
    while (end < line.length()) {
      int cp = line.codePointAt(end);
      int w = of(cp);
      if (width + w > room) {
        break;
      }
      width += w;
      end += Character.charCount(cp);
    }
    return line.substring(0, outsideEscape(line, end)) + CUT;
  }

  /** Moves a cut that falls inside a <code>&#92;uXXXX</code> escape (six characters) to just before it. */
  private static int outsideEscape(String line, int end) {
    for (int start = Math.max(0, end - 5); start < end; start++) {
      if (line.startsWith("\\u", start) && start + 6 <= line.length() && isHex(line, start + 2, start + 6)) {
        return start;
      }
    }
    return end;
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
