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
    return WaitCheckpoint.builder().jobId("job-1").startedAt(T0).takenAt(T0.plusSeconds(95))
        .nextDelay(Duration.ofMillis(12_345)).polls(6).scheduleStep(5).consecutiveFailures(2).lastStatus("running")
        .notFoundReported(true).subJobStatuses(subs)
        .options(OPTIONS.toBuilder().listener(new JobProgressListener() {}).build()).build();
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
    assertTrue(text.startsWith("sfsw2;"), text);
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
    String text = sample().toText().replaceFirst("^sfsw2;", "sfsw3;");
    InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class, () -> WaitCheckpoint.parse(text));
    assertTrue(e.getMessage().contains("version 3") && e.getMessage().contains("newer"), e.getMessage());
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
    assertTrue(e.getMessage().contains("'n' is -3, not between 0 and"), e.getMessage());
    assertEquals(0, WaitCheckpoint.parse(text.replace("n=-3", "n=3").replaceFirst(";c=.*", "")
        + ";c=" + crcOf(body.replace("n=-3", "n=3"))).scheduleStep());
  }

  private static WaitCheckpoint parseWithChecksum(String body) {
    return WaitCheckpoint.parse(body + ";c=" + crcOf(body));
  }

  @Test
  void aVersionOneCheckpointIsStillRead() {
    // Written by the SDK before options had names: ten values by position.
    WaitCheckpoint c = parseWithChecksum("sfsw1;j=job-1;s=1795946400000;t=1795946495000;w=12345;n=6;b=5;f=2;"
        + "st=running;nf=1;o=0,3000,2.0,40000,0.1,7200000,500,7,5000,FAIL_FAST;u=sub-1:running");
    assertEquals("job-1", c.jobId());
    assertEquals(6, c.polls());
    assertEquals(OPTIONS, c.options());
    assertEquals(java.util.Collections.singletonMap("sub-1", "running"), c.subJobStatuses());
    // Read back, it is written as version 2 and reads the same.
    assertEquals(c, WaitCheckpoint.parse(c.toText()));
  }

  @Test
  void optionsHaveNamesSoThatAFieldAddedLaterIsNoFormatBreak() {
    String text = sample().toText();
    String body = text.substring(0, text.lastIndexOf(";c="));
    // A newer SDK's option this one does not know is ignored; an option left out keeps its default.
    WaitCheckpoint withMore = parseWithChecksum(body + ";oz=42");
    assertEquals(sample(), withMore);
    WaitCheckpoint withFewer = parseWithChecksum(body.replace(";oe=7", ""));
    assertEquals(WaitOptions.defaults().maxConsecutiveTransientErrors(),
        withFewer.options().maxConsecutiveTransientErrors());
  }

  @Test
  void aChecksummedTextWithNoFieldsIsRefusedAsACheckpointError() {
    for (String body : new String[] {"sfsw2", "sfsw2;", "sfsw1;", "sfsw2;j=job-1", "sfsw1;j=job-1;s=0;t=0;w=0;n=0;b=0;f=0"}) {
      InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class, () -> parseWithChecksum(body), body);
      assertTrue(e.getMessage().startsWith("wait checkpoint"), e.getMessage());
    }
  }

  @Test
  void extremeFieldsWithAValidChecksumAreRefusedOrReadWithinRange() {
    String ok = "sfsw2;j=job-1;s=0;t=0;w=0;n=0;b=0;f=0";
    for (String[] c : new String[][] {{"s=0", "s=-9223372036854775808"}, {"t=0", "t=9223372036854775807"},
        {"w=0", "w=31536000001"}, {"n=0", "n=2147483648"}, {"b=0", "b=-1"}, {"f=0", "f=x"},
        {"s=0", "s=253402300800000"}}) {
      String body = ok.replace(c[0], c[1]);
      InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class, () -> parseWithChecksum(body),
          body);
      assertTrue(e.getMessage().startsWith("wait checkpoint"), e.getMessage());
    }
    for (String option : new String[] {"ot=0", "ot=31536000001", "op=-1", "om=NaN", "oj=2", "oa=-1", "oe=0",
        "ou=SOMETIMES"}) {
      InvalidCheckpointException e = assertThrows(InvalidCheckpointException.class,
          () -> parseWithChecksum(ok + ";" + option), option);
      assertTrue(e.getMessage().startsWith("wait checkpoint"), e.getMessage());
    }
    WaitCheckpoint far = parseWithChecksum(ok.replace("t=0", "t=253402300799999").replace("n=0", "n=2147483647")
        .replace("w=0", "w=31536000000"));
    assertEquals(Integer.MAX_VALUE, far.polls());
    assertEquals(Duration.ofDays(365), far.nextDelay());
  }

  private static String crcOf(String body) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
