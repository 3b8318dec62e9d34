// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {
  private static final char ESC = 0x1b;
  private static final char BEL = 0x07;

  @Test
  void escapeSequencesBecomeVisible() {
    assertEquals("\\u001b]0;pwned\\u0007", SafeText.escape(ESC + "]0;pwned" + BEL));
    assertEquals("\\u001b[2J", SafeText.escape(ESC + "[2J"));
  }

  @Test
  void lineBreaksCannotForgeLines() {
    assertEquals("bind_ldap\\u000d\\u000aStatus     success", SafeText.escape("bind_ldap\r\nStatus     success"));
    assertEquals("a\\u0009b\\u0000c", SafeText.escape("a\tb\u0000c"));
  }

  @Test
  void delAndC1AreEscaped() {
    assertEquals("x\\u007fy", SafeText.escape("x\u007fy"));
    assertEquals("\\u009b31m", SafeText.escape("\u009b31m"));
    assertEquals("\\u0080\\u009f\u00a0", SafeText.escape("\u0080\u009f\u00a0"), "U+00A0 is printable");
  }

  @Test
  void bidiAndSeparatorsAreEscaped() {
    assertEquals("\\u202eevil\\u202c", SafeText.escape("\u202eevil\u202c"));
    assertEquals("\\u202a\\u2066\\u2069\\u2028\\u2029", SafeText.escape("\u202a\u2066\u2069\u2028\u2029"));
    assertEquals("\u2027\u202f\u2065", SafeText.escape("\u2027\u202f\u2065"), "neighbours untouched");
  }

  @Test
  void everyFormatCharacterIsEscaped() {
    // Zero-width space, non-joiner and joiner, LRM, RLM, the Arabic letter mark, the word joiner, the BOM,
    // the soft hyphen and a deprecated format control: all category Cf, all invisible or reordering.
    for (char c : new char[] {'\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\u2060', '\ufeff',
        '\u00ad', '\u206a'}) {
      assertEquals("a\\u" + String.format("%04x", (int) c) + "b", SafeText.escape("a" + c + "b"),
          Integer.toHexString(c));
    }
    // A supplementary format character (a tag) is escaped as its two halves; an emoji beside it is kept.
    assertEquals("\\udb40\\udc01\ud83d\ude00", SafeText.escape("\udb40\udc01\ud83d\ude00"));
  }

  @Test
  void everyCharacterOfTheBmpIsEscapedExactlyWhenItIsAControlASeparatorOrAFormatCharacter() {
    for (int c = 0; c <= 0xffff; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      int type = Character.getType(c);
      boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR;
      String s = String.valueOf((char) c);
      assertEquals(unsafe, !SafeText.escape(s).equals(s), Integer.toHexString(c));
    }
  }

  @Test
  void unpairedSurrogatesAreEscapedPairsKept() {
    assertEquals("a\\ud83db\\ude00\ud83d\ude00", SafeText.escape("a\ud83db\ude00\ud83d\ude00"));
    assertEquals("\\ude00\\ud83d", SafeText.escape("\ude00\ud83d"), "the wrong order is no pair");
    assertEquals("x\\ud83d", SafeText.escape("x\ud83d"));
  }

  @Test
  void safeTextIsReturnedAsIs() {
    String s = "SFS.TURBO.0038: expanding failed \\ on n\u00f6de \ud83d\ude00";
    assertSame(s, SafeText.escape(s));
    assertEquals("null", SafeText.escape(null));
    assertEquals("", SafeText.escape(""));
  }

  @Test
  void backslashIsKept() {
    assertEquals("a\\b\\u001bc", SafeText.escape("a\\b" + ESC + "c"));
  }

  @Test
  void cappingCutsAndSaysHowLongTheOriginalWas() {
    assertEquals("abc", SafeText.capped("abc", 3));
    assertEquals("ab\u2026(cut, 3 chars)", SafeText.capped("abc", 2));
    // The escaped form counts: one ESC is six characters.
    assertEquals("\\u001b\u2026(cut, 2 chars)", SafeText.capped(ESC + "x", 6));
    assertEquals("null", SafeText.capped(null, 10));
    assertThrows(IllegalArgumentException.class, () -> SafeText.capped("x", -1));
  }

  @Test
  void cappingKeepsSurrogatePairsWhole() {
    String s = "a\ud83d\ude00b";
    assertEquals("a\u2026(cut, 4 chars)", SafeText.capped(s, 2));
  }

  @Test
  void forMessageCapsAtTheLimit() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      sb.append(i % 2 == 0 ? 'x' : ESC);
    }
    String m = SafeText.forMessage(sb.toString());
    assertTrue(m.endsWith("\u2026(cut, 1000 chars)"), m);
    assertEquals(SafeText.MESSAGE_TEXT_LIMIT + "\u2026(cut, 1000 chars)".length(), m.length());
    assertEquals(-1, m.indexOf(ESC));
  }
}
