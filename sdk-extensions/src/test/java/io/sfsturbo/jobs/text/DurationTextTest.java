// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  void eachRangeHasItsPrecision() {
    assertEquals("-", DurationText.format(null));
    assertEquals("0ms", DurationText.format(Duration.ZERO));
    assertEquals("850ms", DurationText.format(Duration.ofMillis(850)));
    assertEquals("1s", DurationText.format(Duration.ofMillis(1000)));
    assertEquals("4.2s", DurationText.format(Duration.ofMillis(4299)));
    assertEquals("59.9s", DurationText.format(Duration.ofMillis(59_999)));
    assertEquals("2m 05s", DurationText.format(Duration.ofSeconds(125)));
    assertEquals("1h 02m 03s", DurationText.format(Duration.ofSeconds(3723)));
    assertEquals("3d 04h 05m", DurationText.format(Duration.ofDays(3).plusHours(4).plusMinutes(5)));
    assertEquals("-1.5s", DurationText.format(Duration.ofMillis(-1500)));
  }

  @Test
  void theExtremesDoNotOverflow() {
    assertEquals("106751991167300d 15h 30m", DurationText.format(Duration.ofSeconds(Long.MAX_VALUE)));
    assertEquals("-106751991167300d 15h 30m", DurationText.format(Duration.ofSeconds(Long.MIN_VALUE)));
    assertEquals("-106751991167300d 15h 30m", DurationText.format(Duration.ofSeconds(Long.MIN_VALUE, 999_999_999)));
  }
}
