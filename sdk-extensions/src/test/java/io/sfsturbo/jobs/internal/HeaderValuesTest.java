// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import static io.sfsturbo.jobs.testing.SecretAssertions.CANARY;
import static io.sfsturbo.jobs.testing.SecretAssertions.assertNoPartOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {
  static final String SOURCE = "HUAWEICLOUD_SDK_SK";

  /** A value with one bad character, the index it is at after trimming, and how the message names it. */
  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(CANARY + "\rXY", 18, "a line break (U+000D)"),
        Arguments.of(CANARY + "\nXY", 18, "a line break (U+000A)"),
        Arguments.of(CANARY + "\u0000", 18, "a control character (U+0000)"),
        Arguments.of("  " + CANARY + "\u007f", 18, "a control character (U+007F)"),
        Arguments.of("CANARY-\u00e9-SECRET-7f3a", 7, "non-ASCII U+00E9"),
        Arguments.of("CANARY-SECRET\t7f3a", 13, "a tab (U+0009)"),
        Arguments.of("\ufeff" + CANARY, 0, "non-ASCII U+FEFF (a byte order mark)"),
        Arguments.of(CANARY + "\ud83d\ude00", 18, "non-ASCII U+1F600"),
        Arguments.of(CANARY + "\ud83d", 18, "an unpaired surrogate U+D83D"),
        Arguments.of(CANARY + "\u0085", 18, "non-ASCII U+0085"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void refusesCharactersOutsidePrintableAsciiWithoutShowingTheValue(String value, int index, String described) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HeaderValues.requireValid(value, SOURCE, "the secret key"));
    String m = e.getMessage();
    assertTrue(m.startsWith("the secret key from " + SOURCE + " contains " + described + " at index " + index + " "),
        m);
    assertTrue(m.contains("printable ASCII"), m);
    assertNoPartOf(value, e);
  }

  @Test
  void trimsSurroundingWhitespaceAndLineEnds() {
    assertEquals(CANARY, HeaderValues.requireValid(CANARY + "\r\n", SOURCE, "the secret key"));
    assertEquals(CANARY, HeaderValues.requireValid(" \t" + CANARY + " \n", SOURCE, "the secret key"));
    assertEquals("a b", HeaderValues.requireValid("a b", SOURCE, "the secret key"), "inner spaces stay");
  }

  @Test
  void acceptsEveryPrintableAsciiCharacter() {
    StringBuilder all = new StringBuilder();
    for (char c = 0x20; c <= 0x7e; c++) {
      all.append(c);
    }
    String value = "x" + all + "x";
    assertEquals(value, HeaderValues.requireValid(value, SOURCE, "the token"));
  }

  @Test
  void refusesNullAndBlankNamingTheSource() {
    assertEquals("the token from TokenCredentials.of(token) must not be null", assertThrows(
        IllegalArgumentException.class, () -> HeaderValues.requireValid(null, "TokenCredentials.of(token)",
            "the token")).getMessage());
    for (String blank : new String[] {"", " ", "\r\n", "\t \n"}) {
      assertEquals("the token from " + SOURCE + " must not be blank (it is empty or only whitespace)",
          assertThrows(IllegalArgumentException.class, () -> HeaderValues.requireValid(blank, SOURCE, "the token"))
              .getMessage());
    }
  }

  @Test
  void trimsNoControlCharacterButWhitespace() {
    // String.trim() would drop a trailing NUL and hide a corrupted value.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HeaderValues.requireValid(CANARY + "\u0000", SOURCE, "the token"));
    assertTrue(e.getMessage().contains("U+0000"), e.getMessage());
  }
}
