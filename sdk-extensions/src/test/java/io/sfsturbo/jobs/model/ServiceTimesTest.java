// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServiceTimesTest {
  @Test
  void readsTheApiFormatAsUtc() {
    assertEquals(Instant.parse("2023-07-26T09:33:58Z"), ServiceTimes.parse("2023-07-26 09:33:58"));
    assertEquals(Instant.parse("2024-02-29T23:59:59Z"), ServiceTimes.parse("2024-02-29 23:59:59"));
    assertEquals("2016-01-02 15:04:05", ServiceTimes.format(Instant.parse("2016-01-02T15:04:05Z")));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "2023-07-26T09:33:58Z", "2023-07-26 09:33", "2023-13-01 00:00:00",
      "2023-02-30 00:00:00", "2023-07-26 24:00:00", "2023-07-26 09:33:5x", "+023-07-26 09:33:58", " 2023-07-26 09:33:58"})
  void anythingElseIsAbsentNotAnError(String text) {
    assertNull(ServiceTimes.parse(text));
  }
}
