// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTest {
  private static final char ESC = 0x1b;
  private static final char BEL = 0x07;

  @Test
  void escapeSequencesBecomeVisible() {
    assertEquals("\\u001b]0;pwned\\u0007", Printable.escape(ESC + "]0;pwned" + BEL));
    assertEquals("\\u001b[2J", Printable.escape(ESC + "[2J"));
  }

  @Test
  void lineBreaksCannotForgeLines() {
    assertEquals("bind_ldap\\u000d\\u000aStatus     success", Printable.escape("bind_ldap\r\nStatus     success"));
    assertEquals("a\\u0009b\\u0000c", Printable.escape("a\tb\u0000c"));
  }

  @Test
  void delAndC1AreEscaped() {
    assertEquals("x\\u007fy", Printable.escape("x\u007fy"));
    assertEquals("\\u009b31m", Printable.escape("\u009b31m"));
    assertEquals("\\u0080\\u009f\u00a0", Printable.escape("\u0080\u009f\u00a0"), "U+00A0 is printable");
  }

  @Test
  void bidiAndSeparatorsAreEscaped() {
    assertEquals("\\u202eevil\\u202c", Printable.escape("\u202eevil\u202c"));
    assertEquals("\\u202a\\u2066\\u2069\\u2028\\u2029", Printable.escape("\u202a\u2066\u2069\u2028\u2029"));
    assertEquals("\u2027\u202f\u2065\u206a", Printable.escape("\u2027\u202f\u2065\u206a"), "neighbours untouched");
  }

  @Test
  void unpairedSurrogatesAreEscapedPairsKept() {
    assertEquals("a\\ud83db\\ude00\ud83d\ude00", Printable.escape("a\ud83db\ude00\ud83d\ude00"));
    assertEquals("\\ude00\\ud83d", Printable.escape("\ude00\ud83d"), "the wrong order is no pair");
    assertEquals("x\\ud83d", Printable.escape("x\ud83d"));
  }

  @Test
  void safeTextIsReturnedAsIs() {
    String s = "SFS.TURBO.0038: expanding failed \\ on n\u00f6de \ud83d\ude00";
    assertSame(s, Printable.escape(s));
    assertEquals("null", Printable.escape(null));
    assertEquals("", Printable.escape(""));
  }

  @Test
  void backslashIsKept() {
    assertEquals("a\\b\\u001bc", Printable.escape("a\\b" + ESC + "c"));
  }

  @Test
  void cappingCutsAndSaysHowLongTheOriginalWas() {
    assertEquals("abc", Printable.capped("abc", 3));
    assertEquals("ab\u2026(cut, 3 chars)", Printable.capped("abc", 2));
    // The escaped form counts: one ESC is six characters.
    assertEquals("\\u001b\u2026(cut, 2 chars)", Printable.capped(ESC + "x", 6));
    assertEquals("null", Printable.capped(null, 10));
    assertThrows(IllegalArgumentException.class, () -> Printable.capped("x", -1));
  }

  @Test
  void cappingKeepsSurrogatePairsWhole() {
    String s = "a\ud83d\ude00b";
    assertEquals("a\u2026(cut, 4 chars)", Printable.capped(s, 2));
  }

  @Test
  void forMessageCapsAtTheLimit() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      sb.append(i % 2 == 0 ? 'x' : ESC);
    }
    String m = Printable.forMessage(sb.toString());
    assertTrue(m.endsWith("\u2026(cut, 1000 chars)"), m);
    assertEquals(Printable.MESSAGE_TEXT_LIMIT + "\u2026(cut, 1000 chars)".length(), m.length());
    assertEquals(-1, m.indexOf(ESC));
  }
}
