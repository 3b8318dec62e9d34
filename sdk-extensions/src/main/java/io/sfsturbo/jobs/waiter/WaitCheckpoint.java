// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.text.SafeText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The state of a wait, enough to continue it in another process: the job, when the wait started
 * and its deadline, the polls so far, the last status seen, when the next poll is due, and the
 * options that shape the schedule. An immutable value with a compact, versioned text form
 * ({@link #toText()}, {@link #parse(String)}) that survives a restart, a queue or a workflow
 * engine's heartbeat.
 *
 * <pre>{@code
 * WaitOptions.builder().listener(new JobProgressListener() {
 *   public void onCheckpoint(WaitCheckpoint c) { store.put(jobId, c.toText()); }   // after each poll
 * })
 * // later, in any JVM:
 * WaitResult r = client.waiter().waitFor(WaitCheckpoint.parse(store.get(jobId)), listener);
 * }</pre>
 *
 * <p>A resumed wait keeps the schedule and the deadline: its first poll is at {@link #nextPollAt()}
 * (at once if that has passed), the delays after it continue the backoff where it was, and it ends
 * at {@link #deadline()}, not after a fresh timeout. Times are wall-clock instants, so machines that
 * share a checkpoint should keep their clocks in sync (NTP). The text holds no secret: a job id,
 * statuses and numbers. Its listener is not part of it; the resuming caller passes its own.
 */
public final class WaitCheckpoint {
  /** The version of the text form this SDK writes; it reads this version and every older one. */
  public static final int VERSION = 1;
  private static final String PREFIX = "sfsw";
  private static final String CHECKSUM_KEY = ";c=";

  private final String jobId;
  private final Instant startedAt;
  private final Instant takenAt;
  private final Duration nextDelay;
  private final int polls;
  private final int scheduleStep;
  private final int consecutiveFailures;
  private final String lastStatus;
  private final boolean notFoundReported;
  private final Map<String, String> subJobStatuses;
  private final WaitOptions options;

  WaitCheckpoint(String jobId, Instant startedAt, Instant takenAt, Duration nextDelay, int polls, int scheduleStep,
      int consecutiveFailures, String lastStatus, boolean notFoundReported, Map<String, String> subJobStatuses,
      WaitOptions options) {
    this.jobId = Objects.requireNonNull(jobId, "jobId");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
    this.nextDelay = Objects.requireNonNull(nextDelay, "nextDelay");
    this.polls = polls;
    this.scheduleStep = scheduleStep;
    this.consecutiveFailures = consecutiveFailures;
    this.lastStatus = lastStatus;
    this.notFoundReported = notFoundReported;
    // The empty map shared, not copied: every fresh wait's checkpoint has one.
    this.subJobStatuses = subJobStatuses.isEmpty() ? Collections.<String, String>emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(subJobStatuses));
    // The listener is behaviour, not state: a checkpoint never holds one.
    this.options = options.listener() == WaitOptions.NO_LISTENER ? options
        : options.toBuilder().listener(WaitOptions.NO_LISTENER).build();
  }

  /**
   * Returns the checkpoint of a wait that has not polled yet: for a wait whose start is decided in
   * one place (a workflow) and whose polls run in another. Its first poll is due at
   * {@code startedAt + options.initialDelay()}; its deadline is {@code startedAt + options.timeout()}.
   *
   * @param jobId the job to wait for
   * @param options how to poll (the listener is not kept)
   * @param startedAt when the wait starts
   * @return the checkpoint
   * @throws IllegalArgumentException when the job id is invalid
   */
  public static WaitCheckpoint start(String jobId, WaitOptions options, Instant startedAt) {
    io.sfsturbo.jobs.internal.Ids.requireValid("jobId", jobId);
    Objects.requireNonNull(options, "options");
    return new WaitCheckpoint(jobId, startedAt, startedAt, options.initialDelay(), 0, 0, 0, null, false,
        Collections.<String, String>emptyMap(), options);
  }

  /** Returns the id of the job waited for. */
  public String jobId() {
    return jobId;
  }

  /** Returns when the wait started (its first start, however often it was resumed). */
  public Instant startedAt() {
    return startedAt;
  }

  /** Returns when the wait ends unless the job ends first: the start plus the options' timeout. */
  public Instant deadline() {
    return startedAt.plus(options.timeout());
  }

  /** Returns when this checkpoint was taken: right after the poll it follows. */
  public Instant takenAt() {
    return takenAt;
  }

  /** Returns the delay chosen after that poll (before the deadline's clamp). */
  public Duration nextDelay() {
    return nextDelay;
  }

  /** Returns when the next poll is due: {@link #takenAt()} plus {@link #nextDelay()}. */
  public Instant nextPollAt() {
    return takenAt.plus(nextDelay);
  }

  /** Returns how many polls were made so far, failed ones included. */
  public int polls() {
    return polls;
  }

  /** Returns how many failed polls came in a row at the end (0 after a successful one). */
  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** Returns the job's last status as the service wrote it, or null when no poll has read the job yet. */
  public String lastStatus() {
    return lastStatus;
  }

  /** Returns the last status of each sub-job seen, by sub-job id, in the order seen. */
  public Map<String, String> subJobStatuses() {
    return subJobStatuses;
  }

  /** Returns the options that shape the schedule (with no listener). */
  public WaitOptions options() {
    return options;
  }

  int scheduleStep() {
    return scheduleStep;
  }

  boolean notFoundReported() {
    return notFoundReported;
  }

  /**
   * Returns the compact text form: one line of printable ASCII, versioned and checksummed, for
   * example {@code sfsw1;j=job-1;s=1764410000000;t=1764410020000;w=4500;n=3;...;c=1a2b3c4d}.
   *
   * @return the text, read back by {@link #parse(String)}
   */
  public String toText() {
    StringBuilder sb = new StringBuilder(PREFIX).append(VERSION);
    field(sb, "j", jobId);
    field(sb, "s", Long.toString(startedAt.toEpochMilli()));
    field(sb, "t", Long.toString(takenAt.toEpochMilli()));
    field(sb, "w", Long.toString(nextDelay.toMillis()));
    field(sb, "n", Integer.toString(polls));
    field(sb, "b", Integer.toString(scheduleStep));
    field(sb, "f", Integer.toString(consecutiveFailures));
    if (lastStatus != null) {
      field(sb, "st", lastStatus);
    }
    if (notFoundReported) {
      field(sb, "nf", "1");
    }
    // Numbers, commas and an enum name: safe as they are, so left readable.
    sb.append(";o=").append(options.initialDelay().toMillis() + "," + options.pollInterval().toMillis() + ","
        + options.backoffMultiplier() + "," + options.maxInterval().toMillis() + "," + options.jitter() + ","
        + options.timeout().toMillis() + "," + options.maxAttempts() + "," + options.maxConsecutiveTransientErrors()
        + "," + options.notFoundGracePeriod().toMillis() + "," + options.unknownStatusPolicy().name());
    if (!subJobStatuses.isEmpty()) {
      StringBuilder subs = new StringBuilder();
      for (Map.Entry<String, String> e : subJobStatuses.entrySet()) {
        if (subs.length() > 0) {
          subs.append(',');
        }
        subs.append(encode(e.getKey())).append(':').append(e.getValue() == null ? "" : encode(e.getValue()));
      }
      // Encoded entry by entry, so that ',' and ':' inside an id cannot be mistaken for separators.
      sb.append(";u=").append(subs);
    }
    String body = sb.toString();
    return body + CHECKSUM_KEY + checksum(body);
  }

  /**
   * Reads a checkpoint from its text form.
   *
   * @param text what {@link #toText()} wrote, by this or an older version of the SDK
   * @return the checkpoint
   * @throws InvalidCheckpointException when the text is not a checkpoint, is truncated or corrupt, or was
   *     written by a newer version of the SDK (the message says which)
   */
  public static WaitCheckpoint parse(String text) {
    Objects.requireNonNull(text, "text");
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
    if (c < 0) {
      throw new InvalidCheckpointException("wait checkpoint is truncated: its checksum is missing ("
          + t.length() + " characters)");
    }
    String body = t.substring(0, c);
    if (!t.substring(c + CHECKSUM_KEY.length()).equals(checksum(body))) {
      throw new InvalidCheckpointException("wait checkpoint is corrupt or truncated: its checksum does not match ("
          + t.length() + " characters)");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : body.substring(semi + 1).split(";", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0 || fields.put(part.substring(0, eq), part.substring(eq + 1)) != null) {
        throw corrupt("a malformed or repeated field");
      }
    }
    try {
      String[] o = required(fields, "o").split(",", -1);
      if (o.length != 10) {
        throw corrupt("options with " + o.length + " values instead of 10");
      }
      WaitOptions options = WaitOptions.builder()
          .initialDelay(Duration.ofMillis(Long.parseLong(o[0])))
          .pollInterval(Duration.ofMillis(Long.parseLong(o[1])))
          .backoffMultiplier(Double.parseDouble(o[2]))
          .maxInterval(Duration.ofMillis(Long.parseLong(o[3])))
          .jitter(Double.parseDouble(o[4]))
          .timeout(Duration.ofMillis(Long.parseLong(o[5])))
          .maxAttempts(Integer.parseInt(o[6]))
          .maxConsecutiveTransientErrors(Integer.parseInt(o[7]))
          .notFoundGracePeriod(Duration.ofMillis(Long.parseLong(o[8])))
          .unknownStatusPolicy(UnknownStatusPolicy.valueOf(o[9]))
          .build();
      Map<String, String> subs = new LinkedHashMap<>();
      String u = fields.get("u");
      if (u != null) {
        for (String entry : u.split(",", -1)) {
          int colon = entry.indexOf(':');
          if (colon <= 0) {
            throw corrupt("a malformed sub-job entry");
          }
          String status = entry.substring(colon + 1);
          subs.put(decode(entry.substring(0, colon)), status.isEmpty() ? null : decode(status));
        }
      }
      String jobId = decode(required(fields, "j"));
      io.sfsturbo.jobs.internal.Ids.requireValid("jobId", jobId);
      int polls = nonNegative(fields, "n");
      String status = fields.get("st");
      return new WaitCheckpoint(jobId, Instant.ofEpochMilli(Long.parseLong(required(fields, "s"))),
          Instant.ofEpochMilli(Long.parseLong(required(fields, "t"))),
          Duration.ofMillis(Long.parseLong(required(fields, "w"))), polls, nonNegative(fields, "b"),
          nonNegative(fields, "f"), status == null ? null : decode(status), "1".equals(fields.get("nf")), subs,
          options);
    } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
      // NumberFormatException is an IllegalArgumentException; so are the builders' range checks.
      throw new InvalidCheckpointException("wait checkpoint is corrupt: " + SafeText.forMessage(e.getMessage()), e);
    }
  }

  private static String required(Map<String, String> fields, String key) {
    String v = fields.get(key);
    if (v == null) {
      throw corrupt("no field '" + key + "'");
    }
    return v;
  }

  private static int nonNegative(Map<String, String> fields, String key) {
    int n = Integer.parseInt(required(fields, key));
    if (n < 0) {
      throw corrupt("a negative count in '" + key + "'");
    }
    return n;
  }

  private static InvalidCheckpointException corrupt(String what) {
    return new InvalidCheckpointException("wait checkpoint is corrupt: " + what);
  }

  private static void field(StringBuilder sb, String key, String value) {
    sb.append(';').append(key).append('=').append(encode(value));
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

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WaitCheckpoint)) {
      return false;
    }
    WaitCheckpoint w = (WaitCheckpoint) o;
    return jobId.equals(w.jobId) && startedAt.equals(w.startedAt) && takenAt.equals(w.takenAt)
        && nextDelay.equals(w.nextDelay) && polls == w.polls && scheduleStep == w.scheduleStep
        && consecutiveFailures == w.consecutiveFailures && Objects.equals(lastStatus, w.lastStatus)
        && notFoundReported == w.notFoundReported && subJobStatuses.equals(w.subJobStatuses)
        && options.equals(w.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, startedAt, takenAt, nextDelay, polls, scheduleStep, consecutiveFailures, lastStatus,
        notFoundReported, subJobStatuses, options);
  }

  @Override
  public String toString() {
    return "WaitCheckpoint{jobId=" + jobId + ", startedAt=" + startedAt + ", deadline=" + deadline() + ", polls="
        + polls + ", lastStatus=" + SafeText.forMessage(lastStatus) + ", nextPollAt=" + nextPollAt()
        + ", subJobs=" + subJobStatuses.size() + '}';
  }
}
