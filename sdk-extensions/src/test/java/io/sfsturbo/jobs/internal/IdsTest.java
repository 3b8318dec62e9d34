// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "/", "a/b", "../x", "..", ".", "a?b", "a#b", "a\u0000b", "a\nb", "a b",
      "a\\b", "\u007f"})
  void rejectsWhatWouldChangeTheUrl(String bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ids.requireValid("jobId", bad));
    assertTrue(e.getMessage().startsWith("jobId "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"26f6b565-xxxx-XXXX-xxxx-03f0bd975433", "a.b", "...", "a*b", "ä-ü", "%41"})
  void keepsValidIdsUnaltered(String good) {
    assertEquals(good, Ids.requireValid("jobId", good));
  }

  @org.junit.jupiter.api.Test
  void rejectsNullAndAbsurdLengths() {
    assertEquals("projectId must not be null",
        assertThrows(IllegalArgumentException.class, () -> Ids.requireValid("projectId", null)).getMessage());
    String longId = new String(new char[10_000]).replace('\0', 'a');
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ids.requireValid("jobId", longId));
    assertTrue(e.getMessage().contains("10000 characters"), e.getMessage());
    assertEquals(Ids.MAX_LENGTH, Ids.requireValid("jobId", longId.substring(0, Ids.MAX_LENGTH)).length());
  }
}
