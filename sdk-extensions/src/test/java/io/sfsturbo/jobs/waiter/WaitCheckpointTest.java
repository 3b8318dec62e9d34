// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.SfsTurboException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text form of a wait's state: exact round trip, and a clear refusal of anything else. */
class WaitCheckpointTest {
  static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  static final WaitOptions OPTIONS = WaitOptions.builder().pollInterval(Duration.ofSeconds(3)).backoffMultiplier(2.0)
      .maxInterval(Duration.ofSeconds(40)).jitter(0.1).timeout(Duration.ofHours(2)).maxAttempts(500)
      .maxConsecutiveTransientErrors(7).notFoundGracePeriod(Duration.ofSeconds(5))
      .unknownStatusPolicy(UnknownStatusPolicy.FAIL_FAST).build();

  static WaitCheckpoint sample() {
    Map<String, String> subs = new LinkedHashMap<>();
    subs.put("sub-1", "running");
    subs.put("odd:id,with;=% and é", "weird status; yes");
    subs.put("sub-3", null);
    return new WaitCheckpoint("job-1", T0, T0.plusSeconds(95), Duration.ofMillis(12_345), 6, 5, 2, "running",
        true, subs, OPTIONS.toBuilder().listener(new JobProgressListener() {}).build());
  }

  @Test
  void roundTripsEveryField() {
    WaitCheckpoint c = sample();
    String text = c.toText();
    WaitCheckpoint back = WaitCheckpoint.parse(text);
    assertEquals(c, back);
    assertEquals(c.hashCode(), back.hashCode());
    assertEquals(text, back.toText());
    assertEquals("job-1", back.jobId());
    assertEquals(T0, back.startedAt());
    assertEquals(T0.plus(Duration.ofHours(2)), back.deadline());
    assertEquals(T0.plusSeconds(95).plusMillis(12_345), back.nextPollAt());
    assertEquals(6, back.polls());
    assertEquals(5, back.scheduleStep());
    assertEquals(2, back.consecutiveFailures());
    assertEquals("running", back.lastStatus());
    assertTrue(back.notFoundReported());
    assertEquals(sample().subJobStatuses(), back.subJobStatuses());
    assertEquals(OPTIONS, back.options(), "the options that shape the schedule; never a listener");
  }

  @Test
  void textIsOneCompactLineOfSafeCharacters() {
    String text = sample().toText();
    assertTrue(text.startsWith("sfsw1;"), text);
    assertTrue(text.matches("[A-Za-z0-9;=,:%._~-]+"), text);
    assertTrue(text.length() < 300, text.length() + ": " + text);
  }

  @Test
  void aFreshWaitStartsWithNoPollAndItsFirstPollAfterTheInitialDelay() {
    WaitCheckpoint c = WaitCheckpoint.start("job-2", WaitOptions.builder().initialDelay(Duration.ofSeconds(4))
        .build(), T0);
    assertEquals(0, c.polls());
    assertNull(c.lastStatus());
    assertEquals(T0.plusSeconds(4), c.nextPollAt());
    assertEquals(T0.plus(Duration.ofMinutes(30)), c.deadline());
    assertEquals(c, WaitCheckpoint.parse(c.toText()));
    assertThrows(IllegalArgumentException.class, () -> WaitCheckpoint.start("a/b", WaitOptions.defaults(), T0));
  }

  @Test
  void everyTruncationIsRefusedClearly() {
    String text = sample().toText();
    for (int n = 0; n < text.length(); n++) {
      String cut = text.substring(0, n);
      InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class, () -> WaitCheckpoint.parse(cut),
          "cut at " + n);
      assertTrue(e.getMessage().contains("checkpoint"), e.getMessage());
      assertFalse(e.isRetryable());
    }
  }

  @Test
  void everyAlteredCharacterIsRefused() {
    String text = sample().toText();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String altered = text.substring(0, i) + (c == 'x' ? 'y' : 'x') + text.substring(i + 1);
      assertThrows(InvalidCheckpointException.class, () -> WaitCheckpoint.parse(altered), "altered at " + i);
    }
  }

  @Test
  void aNewerVersionSaysSo() {
    String text = sample().toText().replaceFirst("^sfsw1;", "sfsw2;");
    InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class, () -> WaitCheckpoint.parse(text));
    assertTrue(e.getMessage().contains("version 2") && e.getMessage().contains("newer"), e.getMessage());
    assertTrue(e instanceof SfsTurboException);
  }

  @Test
  void somethingElseIsNotACheckpointAndItsTextIsNotEchoed() {
    InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class,
        () -> WaitCheckpoint.parse("{\"token\":\"s3cr3t-value-that-must-not-leak\"}"));
    assertTrue(e.getMessage().contains("not a wait checkpoint"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertThrows(InvalidCheckpointException.class, () -> WaitCheckpoint.parse("sfswX;j=a;c=0"));
    assertThrows(InvalidCheckpointException.class, () -> WaitCheckpoint.parse(""));
  }

  @Test
  void aWellChecksummedTextWithBadFieldsIsStillRefused() {
    // Written by hand with a right checksum: the fields themselves are checked too.
    String body = "sfsw1;j=job-1;s=0;t=0;w=0;n=-3;b=0;f=0;o=0,2000,1.5,30000,0.2,1800000,0,10,30000,KEEP_POLLING";
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String text = body + ";c=" + String.format("%08x", crc.getValue());
    InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class, () -> WaitCheckpoint.parse(text));
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
    assertEquals(0, WaitCheckpoint.parse(text.replace("n=-3", "n=3").replaceFirst(";c=.*", "")
        + ";c=" + crcOf(body.replace("n=-3", "n=3"))).scheduleStep());
  }

  private static String crcOf(String body) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
