// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.internal.engine.Step;
import io.sfsturbo.jobs.internal.engine.Strategy;
import io.sfsturbo.jobs.retry.Backoff;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of one wait, for the engine's loop: after each poll, whether the wait is over
 * (and how) or when to poll next. A poll is a single attempt: the wait owns the whole budget,
 * and a transient failure is retried here with the client's retry backoff, within
 * {@link WaitOptions#maxConsecutiveTransientErrors()}. Not thread-safe; the loop calls it from
 * one poll at a time.
 *
 * <p>The schedule is anchored: poll {@code k + 1} is due one backoff delay after poll {@code k} was
 * <em>due</em>, not after its answer came, so that round trips, queueing and the rate limiter's holds
 * do not push the rest of the schedule back. A poll whose answer comes after the next due time (it
 * was held or retried that long) counts as that poll: the schedule moves on to its first step due
 * after the answer, so a late poll never brings more polls. Under client-side throttling, a poll that
 * the rate limiter would hold longer than {@link #HOLD_SHARE} of the time since the wait last read
 * the job is skipped for the next step ({@link #onHeld}): the chance that a poll sees the job's end
 * grows with that time, so the polls that the gateway's capacity is kept for are the ones most likely
 * to see it, and those that go are held only a small share of their interval.
 */
final class WaitStrategy implements Strategy<JobDetail, WaitResult> {
  private static final Logger LOG = LoggerFactory.getLogger(JobWaiter.class);
  /**
   * The longest hold of the rate limiter that a poll waits for, as a share of the time since the
   * wait last read the job; a poll that would be held longer is skipped for the next step.
   */
  static final double HOLD_SHARE = 0.25;
  /** The most schedule steps one late answer passes over; beyond it the schedule restarts from the answer. */
  static final int MAX_CATCH_UP = 64;

  private final String jobId;
  private final WaitOptions options;
  private final Backoff pollBackoff;
  private final RetryPolicy retryPolicy;
  private final DoubleSupplier random;
  private final JobProgressListener listener;
  /** Wall time, for checkpoints: the one time that means the same in another process. */
  private final Clock wall;
  /** When the wait started (wall time): its deadline and every checkpoint's start. */
  private final Instant startedAt;
  /** How long the wait had run before this process took it over (zero for a fresh wait). */
  private final Duration before;
  /** Set when the loop should end after one poll that leaves the job running ({@link JobWaiter#pollOnce}). */
  private final boolean single;
  private int polls;
  private int pollDelays;
  /** When the poll of the current step is due, as time since the wait started (nanoseconds). */
  private long dueNanos;
  /** When a poll last read the job (its answer), as time since the wait started; the start if none has. */
  private long lastReadNanos;
  private int consecutiveTransient;
  private JobDetail last;
  /** Whether any poll, here or before the checkpoint, read the job: then a 404 is no longer "not visible yet". */
  private boolean seen;
  private JobStatus lastStatus;
  private String lastStatusText;
  private Object lastStatusKey;
  private boolean notFoundReported;
  /**
   * Each sub-job's last status text, by id: what a checkpoint carries, so that a resumed wait reports only changes.
   * Empty and shared until a sub-job is seen, like {@link #unknownSeen} until then null: most of 100 000 pending
   * waits never need either.
   */
  private Map<String, String> subSeen = Collections.emptyMap();
  private Set<String> unknownSeen;
  private WaitCheckpoint checkpoint;

  /**
   * A wait from a checkpoint: its counts, backoff step and what its listener last heard are restored.
   *
   * @param from the fresh wait's or a resumed wait's checkpoint
   * @param listener hears progress after the checkpoint
   * @param retryPolicy the client's, whose backoff spaces failed polls
   * @param random jitter draws
   * @param wall the time checkpoints are taken in
   * @param before how long the wait ran before this process took it over
   * @param single whether to stop after one poll that leaves the job running
   */
  WaitStrategy(WaitCheckpoint from, JobProgressListener listener, RetryPolicy retryPolicy, DoubleSupplier random,
      Clock wall, Duration before, boolean single) {
    this.jobId = from.jobId();
    this.options = from.options();
    this.pollBackoff = options.pollBackoff();
    this.retryPolicy = retryPolicy;
    this.random = random;
    this.listener = listener;
    this.wall = wall;
    this.startedAt = from.startedAt();
    this.before = before;
    this.single = single;
    polls = from.polls();
    pollDelays = from.scheduleStep();
    // A resumed wait's first poll is due at the checkpoint's next poll, or at once if that has passed:
    // its schedule is anchored there.
    dueNanos = Math.max(nonNegative(Duration.between(from.startedAt(), from.nextPollAt())), before.toNanos());
    lastReadNanos = nonNegative(Duration.between(from.startedAt(), from.takenAt()));
    consecutiveTransient = from.consecutiveFailures();
    notFoundReported = from.notFoundReported();
    String status = from.lastStatus();
    if (status != null) {
      seen = true;
      lastStatusText = status;
      lastStatus = JobStatus.fromValue(status);
      lastStatusKey = statusKey(status);
      if (lastStatus == JobStatus.UNKNOWN_TO_SDK_VERSION) {
        firstTimeUnknown(status);
      }
    }
    if (!from.subJobStatuses().isEmpty()) {
      subSeen = new LinkedHashMap<>(from.subJobStatuses());
    }
  }

  @Override
  public Step<WaitResult> onSuccess(JobDetail job, Duration sinceResumed) {
    Duration elapsed = before.plus(sinceResumed);
    polls++;
    consecutiveTransient = 0;
    last = job;
    seen = true;
    boolean changed = reportChanges(job);
    if (job.isSuccess()) {
      log(changed, job, null, elapsed);
      return Step.done(new WaitResult(job, polls, elapsed));
    }
    if (job.isFailed()) {
      log(changed, job, null, elapsed);
      return Step.fail(new JobFailedException(job));
    }
    if (job.hasUnknownStatus() && options.unknownStatusPolicy() == UnknownStatusPolicy.FAIL_FAST) {
      log(changed, job, null, elapsed);
      return Step.fail(new UnexpectedJobStatusException(job));
    }
    if (limitReached()) {
      return Step.fail(timeout("at its limit of " + options.maxAttempts() + " polls", null, elapsed));
    }
    lastReadNanos = elapsed.toNanos();
    Duration next = nextStep(elapsed);
    log(changed, job, next, elapsed);
    return again(Step.again(next), null, elapsed);
  }

  @Override
  public Step<WaitResult> onFailure(SfsTurboException e, Duration sinceResumed) {
    Duration elapsed = before.plus(sinceResumed);
    polls++;
    if (isNotYetVisible(e, elapsed)) {
      Duration graceLeft = options.notFoundGracePeriod().minus(elapsed);
      if (!notFoundReported) {
        notFoundReported = true;
        LOG.info("job {} not found yet; it may have just been created, so the wait keeps trying for {}", jobId,
            DurationText.format(options.notFoundGracePeriod()));
        safely(() -> listener.onJobNotFoundYet(jobId, options.notFoundGracePeriod()));
      }
      if (limitReached()) {
        return Step.fail(timeout("at its limit of " + options.maxAttempts() + " polls", e, elapsed));
      }
      // The grace period ends exactly: the poll after it decides (and the schedule is anchored there).
      lastReadNanos = elapsed.toNanos();
      Duration next = nextStep(elapsed);
      if (next.compareTo(graceLeft) >= 0) {
        next = graceLeft;
        dueNanos = elapsed.plus(graceLeft).toNanos();
      }
      return again(Step.again(next), e, elapsed);
    }
    // A poll is idempotent: an unreadable answer (a proxy's HTML page, a cut JSON, an ambiguous or
    // misrouted document) says nothing about the job, so the wait tolerates it like a transient
    // failure, within the same limit.
    if (!e.isRetryable() && !(e instanceof ResponseDecodingException)) {
      return Step.fail(e);
    }
    consecutiveTransient++;
    if (consecutiveTransient >= options.maxConsecutiveTransientErrors()) {
      LOG.warn("ending the wait for job {} after {} failed polls in a row: {}", jobId, consecutiveTransient,
          e.getMessage());
      return Step.fail(e);
    }
    if (limitReached()) {
      return Step.fail(timeout("at its limit of " + options.maxAttempts() + " polls", e, elapsed));
    }
    Duration delay = retryPolicy.backoff().delay(consecutiveTransient - 1, random.getAsDouble());
    Duration retryAfter = e instanceof ThrottledException ? ((ThrottledException) e).retryAfter() : null;
    Step<WaitResult> next = Step.againAfter(delay, retryAfter);
    if (LOG.isDebugEnabled()) {
      LOG.debug("poll {} of job {} failed ({}); polling again in {}", polls, jobId, e.getMessage(),
          DurationText.format(next.delay()));
    }
    return again(next, e, elapsed);
  }

  /**
   * A poll that the client's rate limiter would hold longer than {@link #HOLD_SHARE} of the time since
   * the wait last read the job is skipped for the schedule's next step. A single poll
   * ({@link JobWaiter#pollOnce}) is never skipped: its caller chose its time.
   */
  @Override
  public Step<WaitResult> onHeld(long holdNanos, Duration sinceResumed) {
    if (single) {
      return null;
    }
    Duration elapsed = before.plus(sinceResumed);
    if (holdNanos <= HOLD_SHARE * (elapsed.toNanos() - lastReadNanos)) {
      return null;
    }
    return Step.again(nextStep(elapsed));
  }

  /**
   * Moves the schedule on to its first step due at least half that step's delay after now and returns
   * the delay until it: one backoff delay after the current step was due, or more steps when this poll
   * came that late. Half a step: an answer that came late (a slow gateway) is not followed at once by a
   * poll that covers only the rest of its step, so that a slowing server gets fewer polls, not more.
   */
  private Duration nextStep(Duration elapsed) {
    long now = elapsed.toNanos();
    for (int i = 1; ; i++) {
      long delay = pollBackoff.delay(pollDelays++, random.getAsDouble()).toNanos();
      dueNanos += delay;
      if (dueNanos - now >= delay / 2 && dueNanos > now) {
        break;
      }
      if (delay == 0 || i == MAX_CATCH_UP) {
        dueNanos = now + delay;
        break;
      }
    }
    return Duration.ofNanos(dueNanos - now);
  }

  private static long nonNegative(Duration d) {
    // A checkpoint may hold times centuries apart (parse accepts them): capped, so that such a wait times out
    // rather than overflow.
    return d.isNegative() ? 0 : d.compareTo(MAX_SPAN) > 0 ? MAX_SPAN.toNanos() : d.toNanos();
  }

  /** The longest span kept in nanoseconds: ten years, far beyond any wait's timeout. */
  private static final Duration MAX_SPAN = Duration.ofDays(3650);

  /**
   * The job goes on: takes the checkpoint of this moment and hands it to the listener; a single
   * poll ({@link JobWaiter#pollOnce}) ends here, its checkpoint being its result.
   */
  private Step<WaitResult> again(Step<WaitResult> next, SfsTurboException failure, Duration elapsed) {
    if (single || listener != WaitOptions.NO_LISTENER) {
      Instant now = wall.instant();
      Duration delay = next.delay();
      if (single) {
        // No loop times the next poll here: clamp it to the deadline as the loop would, so that the
        // caller's timer never overshoots it and a last poll still fits before it.
        Duration window = Duration.ofSeconds(1).compareTo(options.timeout().dividedBy(2)) < 0
            ? Duration.ofSeconds(1) : options.timeout().dividedBy(2);
        Instant latestStart = startedAt.plus(options.timeout()).minus(window);
        if (now.plus(delay).isAfter(latestStart)) {
          if (next.isServerAsked() || !now.isBefore(latestStart)) {
            return Step.fail(onExpired(failure, next.isServerAsked() ? next : null, elapsed.minus(before)));
          }
          delay = Duration.between(now, latestStart);
        }
      }
      checkpoint = new WaitCheckpoint(jobId, startedAt, now, delay, polls, pollDelays,
          consecutiveTransient, lastStatusText, notFoundReported, subSeen, options);
      WaitCheckpoint c = checkpoint;
      safely(() -> listener.onCheckpoint(c));
    }
    return single ? Step.<WaitResult>done(null) : next;
  }

  /** The checkpoint after the last poll that left the job running, or null when none was taken. */
  WaitCheckpoint checkpoint() {
    return checkpoint;
  }

  @Override
  public SfsTurboException onExpired(SfsTurboException lastFailure, Step<WaitResult> refused, Duration sinceResumed) {
    Duration elapsed = before.plus(sinceResumed);
    String why = "at its " + DurationText.format(options.timeout()) + " deadline";
    if (refused != null && refused.isServerAsked()) {
      why += " (the server asked to wait " + DurationText.format(refused.delay()) + " before the next poll)";
    }
    return timeout(why, lastFailure, elapsed);
  }

  @Override
  public SfsTurboException onInterrupted(InterruptedException e) {
    return new WaitInterruptedException(jobId, e);
  }

  private boolean limitReached() {
    return options.maxAttempts() > 0 && polls >= options.maxAttempts();
  }

  private WaitTimeoutException timeout(String why, SfsTurboException lastFailure, Duration elapsed) {
    return new WaitTimeoutException(jobId, why, last, polls, elapsed, lastFailure);
  }

  private boolean isNotYetVisible(SfsTurboException e, Duration elapsed) {
    return !seen && e instanceof ResourceNotFoundException
        && ((ResourceNotFoundException) e).knownErrorCode() == SfsTurboErrorCode.INVALID_JOB_ID
        && elapsed.compareTo(options.notFoundGracePeriod()) < 0;
  }

  /** Tells the listener about each change since the last poll; returns whether the job's status changed. */
  private boolean reportChanges(JobDetail job) {
    // Compared as text where the SDK does not know the value: 'cancelled' then 'paused' is a change.
    boolean changed = !Objects.equals(lastStatusKey, statusKey(job.statusAsString()));
    lastStatusText = job.statusAsString();
    if (changed) {
      JobStatus previous = lastStatus;
      lastStatus = job.status();
      lastStatusKey = statusKey(job.statusAsString());
      safely(() -> listener.onJobStatusChanged(job, previous, job.status()));
    }
    if (job.hasUnknownStatus() && firstTimeUnknown(job.statusAsString())) {
      safely(() -> listener.onUnknownStatus(job));
    }
    List<SubJobDetail> subs = job.subJobs();
    if (subSeen.size() > subs.size()) {
      // Only the sub-jobs of this answer are remembered: ids a server chose once and dropped must not pile up in
      // memory and in every checkpoint for the rest of the wait.
      Set<String> current = new HashSet<>();
      for (int i = 0; i < subs.size(); i++) {
        current.add(subs.get(i).jobId() != null ? subs.get(i).jobId() : "#" + i);
      }
      subSeen.keySet().retainAll(current);
    }
    for (int i = 0; i < subs.size(); i++) {
      SubJobDetail sub = subs.get(i);
      String key = sub.jobId() != null ? sub.jobId() : "#" + i;
      boolean known = subSeen.containsKey(key);
      String was = subSeen.get(key);
      if (!known || !Objects.equals(statusKey(was), statusKey(sub.statusAsString()))) {
        if (subSeen.isEmpty()) {
          subSeen = new LinkedHashMap<>();
        }
        subSeen.put(key, sub.statusAsString());
        JobStatus previous = known ? JobStatus.fromValue(was) : null;
        safely(() -> listener.onSubJobStatusChanged(job, sub, previous, sub.status()));
        if (LOG.isInfoEnabled()) {
          LOG.info("job {} sub-job {} ({}): {} -> {}", jobId, SafeText.forMessage(sub.jobId()),
              SafeText.forMessage(sub.jobType()), known ? SafeText.forMessage(was) : null,
              SafeText.forMessage(sub.statusAsString()));
        }
      }
    }
    return changed;
  }

  private void log(boolean changed, JobDetail job, Duration next, Duration elapsed) {
    if (!changed || !LOG.isInfoEnabled()) {
      return;
    }
    String type = SafeText.forMessage(job.jobType());
    String status = SafeText.forMessage(job.statusAsString());
    if (next == null) {
      LOG.info("job {} ({}) is now {} after {} polls in {}", jobId, type, status, polls, DurationText.format(elapsed));
    } else {
      LOG.info("job {} ({}) is now {}; next poll in {}", jobId, type, status, DurationText.format(next));
    }
  }

  /** The status as compared for changes: the constant, or the text of a value the SDK does not know. */
  private static Object statusKey(String statusText) {
    JobStatus status = JobStatus.fromValue(statusText);
    return status == JobStatus.UNKNOWN_TO_SDK_VERSION ? "?" + statusText : status;
  }


  private void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a progress listener of the wait for job {} threw; the wait goes on", jobId, e);
    }
  }

  /** Remembers an unknown status text; returns whether it is the first time this wait sees it. */
  private boolean firstTimeUnknown(String status) {
    if (unknownSeen == null) {
      unknownSeen = new HashSet<>();
    }
    return unknownSeen.add(status);
  }
}
