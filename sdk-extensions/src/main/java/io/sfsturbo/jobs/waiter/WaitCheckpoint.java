// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.text.SafeText;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a wait, enough to continue it in another process: the job, when the wait started and its
 * deadline, the polls so far, the last status seen, when the next poll is due, and the options that shape
 * the schedule. An immutable value with a compact, versioned text form ({@link #toText()},
 * {@link #parse(String)}) that survives a restart, a queue or a workflow engine's heartbeat.
 *
 * <!-- src_embed javadoc.checkpoint -->
 * <pre>
 * JobProgressListener saver = new JobProgressListener&#40;&#41; &#123;
 *   &#64;Override
 *   public void onCheckpoint&#40;WaitCheckpoint checkpoint&#41; &#123;
 *     store.put&#40;jobId, checkpoint.toText&#40;&#41;&#41;;
 *   &#125;
 * &#125;;
 * &#47;&#47; ... the process stops; later, in any JVM:
 * WaitCheckpoint saved = WaitCheckpoint.parse&#40;store.get&#40;jobId&#41;&#41;;
 * WaitResult done = client.waiter&#40;&#41;.waitFor&#40;saved, saver&#41;;
 * </pre>
 * <!-- end javadoc.checkpoint -->
 *
 * <p>A resumed wait keeps the schedule and the deadline: its first poll is at {@link #nextPollAt()} (at
 * once if that has passed), the delays after it continue the backoff where it was, and it ends at
 * {@link #deadline()}, not after a fresh timeout. Times are wall-clock instants, so machines that share a
 * checkpoint should keep their clocks in sync (NTP). The text holds no secret: a job id, statuses and
 * numbers. Its listener is not part of it; the resuming caller passes its own.
 */
public final class WaitCheckpoint {
  /** The version of the text form this SDK writes; it reads this version and every older one. */
  public static final int VERSION = CheckpointCodec.VERSION;

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

  private WaitCheckpoint(Builder b) {
    this.jobId = b.jobId;
    this.startedAt = b.startedAt;
    this.takenAt = b.takenAt;
    this.nextDelay = b.nextDelay;
    this.polls = b.polls;
    this.scheduleStep = b.scheduleStep;
    this.consecutiveFailures = b.consecutiveFailures;
    this.lastStatus = b.lastStatus;
    this.notFoundReported = b.notFoundReported;
    // The empty map shared, not copied: every fresh wait's checkpoint has one.
    this.subJobStatuses = b.subJobStatuses.isEmpty() ? Collections.<String, String>emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(b.subJobStatuses));
    // The listener is behaviour, not state: a checkpoint never holds one.
    this.options = b.options.listener() == WaitOptions.NO_LISTENER ? b.options
        : b.options.toBuilder().listener(WaitOptions.NO_LISTENER).build();
  }

  /**
   * Returns the checkpoint of a wait that has not polled yet: for a wait whose start is decided in one
   * place (a workflow) and whose polls run in another. Its first poll is due at
   * {@code startedAt + options.initialDelay()}; its deadline is {@code startedAt + options.timeout()}.
   *
   * @param jobId the job to wait for
   * @param options how to poll (the listener is not kept)
   * @param startedAt when the wait starts
   * @return the checkpoint
   * @throws IllegalArgumentException when the job id is invalid or the instant is outside the years 1970
   *     to 9999
   */
  public static WaitCheckpoint start(String jobId, WaitOptions options, Instant startedAt) {
    Objects.requireNonNull(options, "options");
    return builder().jobId(jobId).startedAt(startedAt).takenAt(startedAt).nextDelay(options.initialDelay())
        .options(options).build();
  }

  /**
   * Returns a builder of a checkpoint, for the SDK's waiters and for tests that resume from a given state;
   * {@link #start} and {@link #parse} are the usual ways to get one.
   *
   * @return a new builder, every count zero
   */
  public static Builder builder() {
    return new Builder();
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

  /** Returns how many steps of the poll schedule have passed: where its backoff goes on from. */
  public int scheduleStep() {
    return scheduleStep;
  }

  /** Returns how many failed polls came in a row at the end (0 after a successful one). */
  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** Returns the job's last status as the service wrote it, or null when no poll has read the job yet. */
  public String lastStatus() {
    return lastStatus;
  }

  /** Returns whether the listener already heard that the job was not found yet. */
  public boolean notFoundReported() {
    return notFoundReported;
  }

  /** Returns the last status of each sub-job seen, by sub-job id, in the order seen. */
  public Map<String, String> subJobStatuses() {
    return subJobStatuses;
  }

  /** Returns the options that shape the schedule (with no listener). */
  public WaitOptions options() {
    return options;
  }

  /**
   * Returns the compact text form: one line of printable ASCII, versioned and checksummed, whose fields
   * are named ({@code sfsw2;j=job-1;s=1764410000000;t=...;c=1a2b3c4d}).
   *
   * @return the text, read back by {@link #parse(String)}
   */
  public String toText() {
    return CheckpointCodec.write(this);
  }

  /**
   * Reads a checkpoint from its text form.
   *
   * @param text what {@link #toText()} wrote, by this or an older version of the SDK
   * @return the checkpoint
   * @throws InvalidCheckpointException when the text is not a checkpoint, is truncated or corrupt, holds a
   *     value out of range, or was written by a newer version of the SDK (the message says which)
   */
  public static WaitCheckpoint parse(String text) {
    return CheckpointCodec.read(Objects.requireNonNull(text, "text"));
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

  /** Builds a {@link WaitCheckpoint}; every value is checked at {@link #build()}. */
  public static final class Builder {
    private static final Instant MIN_INSTANT = Instant.EPOCH;
    private static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999Z");

    private String jobId;
    private Instant startedAt;
    private Instant takenAt;
    private Duration nextDelay = Duration.ZERO;
    private int polls;
    private int scheduleStep;
    private int consecutiveFailures;
    private String lastStatus;
    private boolean notFoundReported;
    private Map<String, String> subJobStatuses = Collections.emptyMap();
    private WaitOptions options = WaitOptions.defaults();

    private Builder() {}

    /** Sets the job (a valid job id). */
    public Builder jobId(String jobId) {
      this.jobId = Ids.requireValid("jobId", jobId);
      return this;
    }

    /** Sets when the wait started (an instant of the years 1970 to 9999). */
    public Builder startedAt(Instant startedAt) {
      this.startedAt = inRange("startedAt", startedAt);
      return this;
    }

    /** Sets when the checkpoint was taken (an instant of the years 1970 to 9999). */
    public Builder takenAt(Instant takenAt) {
      this.takenAt = inRange("takenAt", takenAt);
      return this;
    }

    /** Sets the delay before the next poll (zero or more, at most 365 days). */
    public Builder nextDelay(Duration nextDelay) {
      Objects.requireNonNull(nextDelay, "nextDelay");
      if (nextDelay.isNegative() || nextDelay.compareTo(WaitOptions.MAX_DURATION) > 0) {
        throw new IllegalArgumentException("nextDelay must be between zero and 365 days, was " + nextDelay);
      }
      this.nextDelay = nextDelay;
      return this;
    }

    /** Sets the polls made so far (zero or more). */
    public Builder polls(int polls) {
      this.polls = count("polls", polls);
      return this;
    }

    /** Sets how many steps of the schedule have passed (zero or more). */
    public Builder scheduleStep(int scheduleStep) {
      this.scheduleStep = count("scheduleStep", scheduleStep);
      return this;
    }

    /** Sets how many polls failed in a row at the end (zero or more). */
    public Builder consecutiveFailures(int consecutiveFailures) {
      this.consecutiveFailures = count("consecutiveFailures", consecutiveFailures);
      return this;
    }

    /** Sets the job's last status as the service wrote it (the text, or null when no poll read the job). */
    public Builder lastStatus(String lastStatus) {
      this.lastStatus = lastStatus;
      return this;
    }

    /** Sets whether the listener already heard that the job was not found yet (whether it did). */
    public Builder notFoundReported(boolean notFoundReported) {
      this.notFoundReported = notFoundReported;
      return this;
    }

    /** Sets the last status of each sub-job seen (by sub-job id, statuses may be null; copied). */
    public Builder subJobStatuses(Map<String, String> subJobStatuses) {
      this.subJobStatuses = new LinkedHashMap<>(Objects.requireNonNull(subJobStatuses, "subJobStatuses"));
      return this;
    }

    /** Sets the options of the wait (the options (their listener is not kept)). */
    public Builder options(WaitOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Returns the checkpoint.
     *
     * @return a new immutable value
     * @throws IllegalStateException when the job id or the start is unset
     */
    public WaitCheckpoint build() {
      if (jobId == null || startedAt == null) {
        throw new IllegalStateException("a checkpoint needs a jobId and a startedAt");
      }
      if (takenAt == null) {
        takenAt = startedAt;
      }
      return new WaitCheckpoint(this);
    }

    private static Instant inRange(String name, Instant instant) {
      Objects.requireNonNull(instant, name);
      if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
        throw new IllegalArgumentException(name + " must be an instant of the years 1970 to 9999, was " + instant);
      }
      return instant;
    }

    private static int count(String name, int n) {
      if (n < 0) {
        throw new IllegalArgumentException(name + " must not be negative, was " + n);
      }
      return n;
    }
  }
}
