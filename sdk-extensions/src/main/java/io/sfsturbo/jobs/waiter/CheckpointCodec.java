// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.text.SafeText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The text form of a {@link WaitCheckpoint}: one line of printable ASCII, versioned and checksummed,
 * {@code sfsw2;j=job-1;s=1764410000000;...;oi=0;op=2000;...;c=1a2b3c4d}. Version 2 names every field,
 * options included ({@code o} and a letter), so that a field added later is ignored by an older reader
 * and defaulted by a newer one rather than breaking the format; version 1 (options by position in one
 * {@code o=} field) is still read. Every value is checked: a checksum proves the text was not cut or
 * altered by accident, not that its numbers make sense.
 */
final class CheckpointCodec {
  static final int VERSION = 2;
  private static final String PREFIX = "sfsw";
  private static final String CHECKSUM_KEY = ";c=";
  /** Times are read between the epoch and the end of year 9999: anything else is not a wait's time. */
  private static final long MAX_EPOCH_MILLI = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

  private CheckpointCodec() {}

  static String write(WaitCheckpoint c) {
    StringBuilder sb = new StringBuilder(PREFIX).append(VERSION);
    field(sb, "j", encode(c.jobId()));
    field(sb, "s", Long.toString(c.startedAt().toEpochMilli()));
    field(sb, "t", Long.toString(c.takenAt().toEpochMilli()));
    field(sb, "w", Long.toString(c.nextDelay().toMillis()));
    field(sb, "n", Integer.toString(c.polls()));
    field(sb, "b", Integer.toString(c.scheduleStep()));
    field(sb, "f", Integer.toString(c.consecutiveFailures()));
    if (c.lastStatus() != null) {
      field(sb, "st", encode(c.lastStatus()));
    }
    if (c.notFoundReported()) {
      field(sb, "nf", "1");
    }
    WaitOptions o = c.options();
    field(sb, "oi", Long.toString(o.initialDelay().toMillis()));
    field(sb, "op", Long.toString(o.pollInterval().toMillis()));
    field(sb, "om", Double.toString(o.backoffMultiplier()));
    field(sb, "ox", Long.toString(o.maxInterval().toMillis()));
    field(sb, "oj", Double.toString(o.jitter()));
    field(sb, "ot", Long.toString(o.timeout().toMillis()));
    field(sb, "oa", Integer.toString(o.maxAttempts()));
    field(sb, "oe", Integer.toString(o.maxConsecutiveTransientErrors()));
    field(sb, "og", Long.toString(o.notFoundGracePeriod().toMillis()));
    field(sb, "ou", o.unknownStatusPolicy().name());
    if (!c.subJobStatuses().isEmpty()) {
      StringBuilder subs = new StringBuilder();
      for (Map.Entry<String, String> e : c.subJobStatuses().entrySet()) {
        if (subs.length() > 0) {
          subs.append(',');
        }
        // Encoded entry by entry, so that ',' and ':' inside an id cannot be mistaken for separators.
        subs.append(encode(e.getKey())).append(':').append(e.getValue() == null ? "" : encode(e.getValue()));
      }
      field(sb, "u", subs.toString());
    }
    String body = sb.toString();
    return body + CHECKSUM_KEY + checksum(body);
  }

  private static void field(StringBuilder sb, String key, String value) {
    sb.append(';').append(key).append('=').append(value);
  }

  static WaitCheckpoint read(String text) {
    String t = text.trim();
    if (!t.startsWith(PREFIX)) {
      throw new InvalidCheckpointException("not a wait checkpoint: it does not start with '" + PREFIX
          + "' (starts with '" + SafeText.forMessage(t.substring(0, Math.min(t.length(), 8))) + "')");
    }
    int semi = t.indexOf(';');
    String digits = t.substring(PREFIX.length(), semi < 0 ? t.length() : semi);
    int version;
    try {
      version = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new InvalidCheckpointException("wait checkpoint has no readable version ('"
          + SafeText.forMessage(digits) + "'): it is corrupt or truncated");
    }
    if (version > VERSION) {
      throw new InvalidCheckpointException("wait checkpoint version " + version + " was written by a newer SDK; "
          + "this SDK reads versions up to " + VERSION + ": upgrade the SDK where the wait resumes");
    }
    if (version < 1) {
      throw new InvalidCheckpointException("wait checkpoint version " + version + " does not exist: it is corrupt");
    }
    int c = t.lastIndexOf(CHECKSUM_KEY);
    if (c < 0 || semi < 0) {
      throw new InvalidCheckpointException("wait checkpoint is truncated: its checksum is missing ("
          + t.length() + " characters)");
    }
    String body = t.substring(0, c);
    if (!t.substring(c + CHECKSUM_KEY.length()).equals(checksum(body))) {
      throw new InvalidCheckpointException("wait checkpoint is corrupt or truncated: its checksum does not match ("
          + t.length() + " characters)");
    }
    Map<String, String> fields = fields(body, semi);
    try {
      return checkpoint(fields, version == 1 ? optionsV1(required(fields, "o")) : optionsV2(fields));
    } catch (IllegalArgumentException e) {
      // A field out of range, or a value the options refuse: said in the options' own words.
      throw new InvalidCheckpointException("wait checkpoint holds a value out of range: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> fields(String body, int semi) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (semi >= body.length()) {
      return fields;
    }
    for (String part : body.substring(semi + 1).split(";", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0 || fields.put(part.substring(0, eq), part.substring(eq + 1)) != null) {
        throw corrupt("a malformed or repeated field");
      }
    }
    return fields;
  }

  private static WaitCheckpoint checkpoint(Map<String, String> fields, WaitOptions options) {
    WaitCheckpoint.Builder b = WaitCheckpoint.builder()
        .jobId(decode(required(fields, "j")))
        .startedAt(instant(fields, "s"))
        .takenAt(instant(fields, "t"))
        .nextDelay(Duration.ofMillis(bounded(fields, "w", 0, WaitOptions.MAX_DURATION.toMillis())))
        .polls((int) bounded(fields, "n", 0, Integer.MAX_VALUE))
        .scheduleStep((int) bounded(fields, "b", 0, Integer.MAX_VALUE))
        .consecutiveFailures((int) bounded(fields, "f", 0, Integer.MAX_VALUE))
        .notFoundReported("1".equals(fields.get("nf")))
        .options(options);
    String status = fields.get("st");
    if (status != null) {
      b.lastStatus(decode(status));
    }
    String u = fields.get("u");
    if (u != null) {
      Map<String, String> subs = new LinkedHashMap<>();
      for (String entry : u.split(",", -1)) {
        int colon = entry.indexOf(':');
        if (colon <= 0) {
          throw corrupt("a malformed sub-job entry");
        }
        String s = entry.substring(colon + 1);
        subs.put(decode(entry.substring(0, colon)), s.isEmpty() ? null : decode(s));
      }
      b.subJobStatuses(subs);
    }
    return b.build();
  }

  /** Version 1: the options by position, ten values in one field. */
  private static WaitOptions optionsV1(String o) {
    String[] v = o.split(",", -1);
    if (v.length != 10) {
      throw corrupt("options with " + v.length + " values instead of 10");
    }
    return WaitOptions.builder()
        .initialDelay(millis("o[0]", v[0]))
        .pollInterval(millis("o[1]", v[1]))
        .backoffMultiplier(decimal("o[2]", v[2]))
        .maxInterval(millis("o[3]", v[3]))
        .jitter(decimal("o[4]", v[4]))
        .timeout(millis("o[5]", v[5]))
        .maxAttempts(integer("o[6]", v[6]))
        .maxConsecutiveTransientErrors(integer("o[7]", v[7]))
        .notFoundGracePeriod(millis("o[8]", v[8]))
        .unknownStatusPolicy(policy(v[9]))
        .build();
  }

  /** Version 2: each option by name; one that is absent keeps its default. */
  private static WaitOptions optionsV2(Map<String, String> f) {
    WaitOptions.Builder b = WaitOptions.builder();
    if (f.containsKey("oi")) {
      b.initialDelay(millis("oi", f.get("oi")));
    }
    if (f.containsKey("op")) {
      b.pollInterval(millis("op", f.get("op")));
    }
    if (f.containsKey("om")) {
      b.backoffMultiplier(decimal("om", f.get("om")));
    }
    if (f.containsKey("ox")) {
      b.maxInterval(millis("ox", f.get("ox")));
    }
    if (f.containsKey("oj")) {
      b.jitter(decimal("oj", f.get("oj")));
    }
    if (f.containsKey("ot")) {
      b.timeout(millis("ot", f.get("ot")));
    }
    if (f.containsKey("oa")) {
      b.maxAttempts(integer("oa", f.get("oa")));
    }
    if (f.containsKey("oe")) {
      b.maxConsecutiveTransientErrors(integer("oe", f.get("oe")));
    }
    if (f.containsKey("og")) {
      b.notFoundGracePeriod(millis("og", f.get("og")));
    }
    if (f.containsKey("ou")) {
      b.unknownStatusPolicy(policy(f.get("ou")));
    }
    return b.build();
  }

  private static String required(Map<String, String> fields, String key) {
    String v = fields.get(key);
    if (v == null) {
      throw corrupt("no field '" + key + "'");
    }
    return v;
  }

  private static Instant instant(Map<String, String> fields, String key) {
    return Instant.ofEpochMilli(bounded(fields, key, 0, MAX_EPOCH_MILLI));
  }

  private static long bounded(Map<String, String> fields, String key, long min, long max) {
    long n = number(key, required(fields, key));
    if (n < min || n > max) {
      throw new InvalidCheckpointException("wait checkpoint holds a value out of range: '" + key + "' is " + n
          + ", not between " + min + " and " + max);
    }
    return n;
  }

  private static long number(String key, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw corrupt("'" + key + "' is not a whole number");
    }
  }

  private static Duration millis(String key, String text) {
    long ms = number(key, text);
    if (ms < 0 || ms > WaitOptions.MAX_DURATION.toMillis()) {
      throw new InvalidCheckpointException("wait checkpoint holds a value out of range: '" + key + "' is " + ms
          + " ms, not between 0 and " + WaitOptions.MAX_DURATION.toMillis());
    }
    return Duration.ofMillis(ms);
  }

  private static int integer(String key, String text) {
    long n = number(key, text);
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw corrupt("'" + key + "' is not a 32-bit number");
    }
    return (int) n;
  }

  private static double decimal(String key, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw corrupt("'" + key + "' is not a number");
    }
  }

  private static UnknownStatusPolicy policy(String name) {
    try {
      return UnknownStatusPolicy.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw corrupt("an unknown status policy '" + SafeText.forMessage(name) + "'");
    }
  }

  private static InvalidCheckpointException corrupt(String what) {
    return new InvalidCheckpointException("wait checkpoint is corrupt: " + what);
  }

  private static String checksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return String.format(Locale.ROOT, "%08x", crc.getValue());
  }

  /** Percent-encodes everything but unreserved ASCII, so that the text is one line of safe characters. */
  private static String encode(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  private static String decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '%') {
        if (i + 2 >= s.length()) {
          throw corrupt("a cut escape");
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw corrupt("a bad escape");
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(ch);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
