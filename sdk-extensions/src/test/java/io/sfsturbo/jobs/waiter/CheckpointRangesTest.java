// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint codec at the edges of each field's range, with right checksums: the last value in range is
 * read, the first one out is refused naming the field and the range; versions, escapes and sub-job entries
 * likewise. A checkpoint is read in another process, maybe by another SDK version: every value is checked.
 */
class CheckpointRangesTest {
  private static final String BASE = "sfsw2;j=job-1;s=0;t=0;w=0;n=0;b=0;f=0";
  private static final long MAX_MILLI = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
  private static final long YEAR_MS = Duration.ofDays(365).toMillis();

  private static String crc(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return String.format(Locale.ROOT, "%08x", crc.getValue());
  }

  private static WaitCheckpoint read(String body) {
    return WaitCheckpoint.parse(body + ";c=" + crc(body));
  }

  private static String refused(String body) {
    return assertThrows(InvalidCheckpointException.class, () -> read(body), body).getMessage();
  }

  private static String with(String field, Object value) {
    return BASE.replaceFirst(";" + field + "=[^;]*", ";" + field + "=" + value);
  }

  @Test
  void eachCountAndTimeIsReadUpToItsBoundAndRefusedOnePast() {
    Object[][] fields = {
        // field, least, most
        {"s", 0L, MAX_MILLI}, {"t", 0L, MAX_MILLI}, {"w", 0L, YEAR_MS},
        {"n", 0L, (long) Integer.MAX_VALUE}, {"b", 0L, (long) Integer.MAX_VALUE}, {"f", 0L, (long) Integer.MAX_VALUE},
    };
    for (Object[] f : fields) {
      String key = (String) f[0];
      long min = (Long) f[1];
      long max = (Long) f[2];
      read(with(key, min));
      read(with(key, max));
      for (long out : new long[] {min - 1, max + 1}) {
        assertEquals("wait checkpoint holds a value out of range: '" + key + "' is " + out + ", not between " + min
            + " and " + max, refused(with(key, out)));
      }
    }
    WaitCheckpoint far = read(BASE.replace("s=0", "s=" + MAX_MILLI).replace("t=0", "t=" + MAX_MILLI)
        .replace("w=0", "w=" + YEAR_MS).replace("b=0", "b=7").replace("f=0", "f=2147483647"));
    assertEquals(Instant.ofEpochMilli(MAX_MILLI), far.startedAt());
    assertEquals(Instant.ofEpochMilli(MAX_MILLI), far.takenAt());
    assertEquals(Duration.ofDays(365), far.nextDelay());
    assertEquals(7, far.scheduleStep());
    assertEquals(Integer.MAX_VALUE, far.consecutiveFailures());
    assertEquals("wait checkpoint is corrupt: 'n' is not a whole number", refused(with("n", "1.5")));
    assertEquals("wait checkpoint is corrupt: no field 't'", refused(BASE.replace(";t=0", "")));
  }

  @Test
  void eachOptionIsReadUpToItsBoundAndRefusedInItsOwnWords() {
    for (String key : new String[] {"oi", "op", "ox", "ot", "og"}) {
      String body = BASE + (key.equals("op") ? "" : ";op=1") + (key.equals("ox") ? "" : ";ox=" + YEAR_MS);
      read(body + ";" + key + "=" + YEAR_MS);
      assertEquals("wait checkpoint holds a value out of range: '" + key + "' is " + (YEAR_MS + 1)
          + " ms, not between 0 and " + YEAR_MS, refused(body + ";" + key + "=" + (YEAR_MS + 1)));
      assertEquals("wait checkpoint holds a value out of range: '" + key + "' is -1 ms, not between 0 and " + YEAR_MS,
          refused(body + ";" + key + "=-1"));
    }
    WaitOptions o = read(BASE + ";oi=0;op=1;om=1.0;ox=1;oj=0.5;ot=1;oa=2147483647;oe=2147483647;og=0;ou=FAIL_FAST")
        .options();
    assertEquals(Duration.ZERO, o.initialDelay());
    assertEquals(Duration.ofMillis(1), o.pollInterval());
    assertEquals(1.0, o.backoffMultiplier());
    assertEquals(0.5, o.jitter());
    assertEquals(Integer.MAX_VALUE, o.maxAttempts());
    assertEquals(Integer.MAX_VALUE, o.maxConsecutiveTransientErrors());
    assertEquals(UnknownStatusPolicy.FAIL_FAST, o.unknownStatusPolicy());
    assertEquals("wait checkpoint is corrupt: 'oa' is not a 32-bit number", refused(BASE + ";oa=2147483648"));
    assertEquals("wait checkpoint is corrupt: 'oe' is not a 32-bit number", refused(BASE + ";oe=-2147483649"));
    assertEquals("wait checkpoint holds a value out of range: maxAttempts must be 0 (no limit) or more, was "
        + "-2147483648", refused(BASE + ";oa=-2147483648"));
    assertEquals("wait checkpoint is corrupt: 'om' is not a number", refused(BASE + ";om=fast"));
    assertEquals("wait checkpoint is corrupt: an unknown status policy 'SOMETIMES'", refused(BASE + ";ou=SOMETIMES"));
    assertTrue(refused(BASE + ";op=0").startsWith("wait checkpoint holds a value out of range: pollInterval"));
  }

  @Test
  void versionsOutsideOneToTwoAndTextsWithoutAChecksumAreRefusedSayingWhy() {
    String[][] cases = {
        {"sfsw0;j=a", "wait checkpoint version 0 does not exist: it is corrupt"},
        {"sfsw-1;j=a", "wait checkpoint version -1 does not exist: it is corrupt"},
        {"sfsw3;j=a", "wait checkpoint version 3 was written by a newer SDK; this SDK reads versions up to 2: upgrade "
            + "the SDK where the wait resumes"},
        {"sfsw;j=a", "wait checkpoint has no readable version (''): it is corrupt or truncated"},
        {"sfswv2;j=a", "wait checkpoint has no readable version ('v2'): it is corrupt or truncated"},
        {"sfsw2", "wait checkpoint is truncated: its checksum is missing (5 characters)"},
        {"sfsw2;j=a", "wait checkpoint is truncated: its checksum is missing (9 characters)"},
        {"sfsw2;j=a;c=00000000", "wait checkpoint is corrupt or truncated: its checksum does not match (20 characters)"},
        {"SFSW2;j=a", "not a wait checkpoint: it does not start with 'sfsw' (starts with 'SFSW2;j=')"},
        {"x", "not a wait checkpoint: it does not start with 'sfsw' (starts with 'x')"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], assertThrows(InvalidCheckpointException.class, () -> WaitCheckpoint.parse(c[0]), c[0])
          .getMessage());
    }
    String text = WaitCheckpoint.start("job-1", WaitOptions.defaults(), Instant.EPOCH).toText();
    assertEquals(WaitCheckpoint.parse(text), WaitCheckpoint.parse("  " + text + "\n"), "surrounding blanks ignored");
  }

  @Test
  void fieldsMustBeNamedOnceAndEscapesWhole() {
    String[][] cases = {
        {BASE + ";=x", "wait checkpoint is corrupt: a malformed or repeated field"},
        {BASE + ";x", "wait checkpoint is corrupt: a malformed or repeated field"},
        {BASE + ";n=1", "wait checkpoint is corrupt: a malformed or repeated field"},
        {BASE + ";st=%", "wait checkpoint is corrupt: a cut escape"},
        {BASE + ";st=%4", "wait checkpoint is corrupt: a cut escape"},
        {BASE + ";st=a%4", "wait checkpoint is corrupt: a cut escape"},
        {BASE + ";st=%g1", "wait checkpoint is corrupt: a bad escape"},
        {BASE + ";st=%1g", "wait checkpoint is corrupt: a bad escape"},
        {BASE + ";u=:running", "wait checkpoint is corrupt: a malformed sub-job entry"},
        {BASE + ";u=a:running,b", "wait checkpoint is corrupt: a malformed sub-job entry"},
        {"sfsw1;j=job-1;s=0;t=0;w=0;n=0;b=0;f=0;o=0,1,1,1,0,1,0,1,0", "wait checkpoint is corrupt: options with 9 "
            + "values instead of 10"},
        {"sfsw1;j=job-1;s=0;t=0;w=0;n=0;b=0;f=0", "wait checkpoint is corrupt: no field 'o'"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], refused(c[0]), c[0]);
    }
    WaitCheckpoint c = read(BASE + ";st=%41%c3%A9%25;nf=0;u=a:,%2C%3A:x");
    assertEquals("A\u00e9%", c.lastStatus(), "escapes in either case");
    assertFalse(c.notFoundReported(), "only 1 says it was reported");
    Map<String, String> subs = new LinkedHashMap<>();
    subs.put("a", null);
    subs.put(",:", "x");
    assertEquals(subs, c.subJobStatuses());
  }

  @Test
  void anyTextRoundTripsThroughTheEscapesAsOneLineOfSafeCharacters() {
    StringBuilder every = new StringBuilder();
    for (char ch = 0; ch < 256; ch++) {
      every.append(ch);
    }
    every.append("\u20ac\ud83d\ude00");
    Map<String, String> subs = new LinkedHashMap<>();
    subs.put(every.toString(), every.toString());
    subs.put("plain", null);
    WaitCheckpoint c = WaitCheckpoint.builder().jobId("job-1").startedAt(Instant.EPOCH).lastStatus(every.toString())
        .subJobStatuses(subs).build();
    String text = c.toText();
    assertTrue(text.matches("[A-Za-z0-9;=,:%._~-]+"), text);
    assertTrue(text.contains(";st=%00%01"), "upper-case, two digits: " + text);
    assertTrue(text.contains("xyz%7B%7C%7D~%7F%C2%80"), text);
    // Exactly RFC 3986's unreserved characters are kept, as the JDK's form encoder (made RFC 3986) says.
    String rfc3986 = java.net.URLEncoder.encode(every.toString(), StandardCharsets.UTF_8).replace("+", "%20")
        .replace("*", "%2A").replace("%7E", "~");
    assertTrue(text.contains(";st=" + rfc3986 + ";"), text);
    assertEquals(c, WaitCheckpoint.parse(text));
  }
}
