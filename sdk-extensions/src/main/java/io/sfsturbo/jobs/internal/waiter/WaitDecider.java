// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.waiter;

import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.internal.engine.Deadline;
import io.sfsturbo.jobs.internal.engine.Decider;
import io.sfsturbo.jobs.internal.engine.Decision;
import io.sfsturbo.jobs.internal.engine.RetryDecision;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitInterruptedException;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of one wait, for the engine's loop: after each poll, whether the wait is over (and how,
 * {@link WaitAcceptors}) or when to poll next ({@link PollSchedule}); what changed goes to the listener
 * ({@link ProgressReporter}). A failed poll is retried by the one retry decision of the SDK
 * ({@link RetryDecision}), within {@link WaitOptions#maxConsecutiveTransientErrors()}. Not thread-safe; the
 * loop calls it from one poll at a time.
 */
final class WaitDecider implements Decider<JobDetail, WaitResult> {
  private static final Logger LOG = LoggerFactory.getLogger("io.sfsturbo.jobs.waiter.JobWaiter");

  private final String jobId;
  private final WaitOptions options;
  private final RetryPolicy retryPolicy;
  private final DoubleSupplier jitter;
  /** Wall time, for checkpoints: the one time that means the same in another process. */
  private final Supplier<Instant> wall;
  private final Instant startedAt;
  /** How long the wait had run before this process took it over (zero for a fresh wait). */
  private final long beforeNanos;
  /** Set when the loop should end after one poll that leaves the job running ({@code pollOnce}). */
  private final boolean single;
  private final Duration attemptTimeout;
  private final PollSchedule schedule;
  private final ProgressReporter progress;
  private int polls;
  private int consecutiveFailures;
  private JobDetail last;
  private WaitCheckpoint checkpoint;

  /**
   * A wait from a checkpoint: its counts, schedule and what its listener last heard are restored.
   *
   * @param from the fresh wait's or a resumed wait's checkpoint
   * @param listener hears progress after the checkpoint
   * @param retryPolicy the client's, whose backoff and Retry-After cap space failed polls
   * @param jitter draws in [0, 1)
   * @param wall the time checkpoints are taken in
   * @param before how long the wait ran before this process took it over
   * @param single whether to stop after one poll that leaves the job running
   * @param attemptTimeout the bound of one poll, for the final window of a single poll
   */
  WaitDecider(WaitCheckpoint from, JobProgressListener listener, RetryPolicy retryPolicy, DoubleSupplier jitter,
      Supplier<Instant> wall, Duration before, boolean single, Duration attemptTimeout) {
    this.jobId = from.jobId();
    this.options = from.options();
    this.retryPolicy = retryPolicy;
    this.jitter = jitter;
    this.wall = wall;
    this.startedAt = from.startedAt();
    this.beforeNanos = Durations.saturatedNanos(before);
    this.single = single;
    this.attemptTimeout = attemptTimeout;
    this.polls = from.polls();
    this.consecutiveFailures = from.consecutiveFailures();
    // A resumed wait's first poll is due at the checkpoint's next poll, or at once if that has passed: its
    // schedule is anchored there.
    long due = Math.max(sinceStart(from.nextPollAt()), beforeNanos);
    this.schedule = new PollSchedule(options.pollBackoff(), jitter, from.scheduleStep(), due,
        sinceStart(from.takenAt()));
    this.progress = new ProgressReporter(jobId, listener, from);
  }

  private long sinceStart(Instant t) {
    return Durations.saturatedNanos(Duration.between(startedAt, t));
  }

  private long elapsed(Duration sinceResumed) {
    return Durations.add(beforeNanos, Durations.saturatedNanos(sinceResumed));
  }

  @Override
  public Decision<WaitResult> onSuccess(JobDetail job, Duration sinceResumed) {
    long now = elapsed(sinceResumed);
    polls = Durations.increment(polls);
    consecutiveFailures = 0;
    last = job;
    boolean changed = progress.polled(job);
    switch (WaitAcceptors.judge(job, options.unknownStatusPolicy())) {
      case SUCCESS:
        log(changed, job, null, now);
        return Decision.done(new WaitResult(job, polls, Duration.ofNanos(now)));
      case FAILURE:
        log(changed, job, null, now);
        return Decision.fail(WaitAcceptors.failureOf(job));
      default:
        if (limitReached()) {
          return Decision.fail(timeout("at its limit of " + options.maxAttempts() + " polls", null, now));
        }
        schedule.read(now);
        Duration next = schedule.next(now);
        log(changed, job, next, now);
        return again(Decision.again(next), null, now);
    }
  }

  @Override
  public Decision<WaitResult> onFailure(SfsTurboException e, Duration sinceResumed) {
    long now = elapsed(sinceResumed);
    polls = Durations.increment(polls);
    if (WaitAcceptors.isNotYetVisible(e, progress.hasSeenJob(), Duration.ofNanos(now),
        options.notFoundGracePeriod())) {
      progress.notFoundYet(options.notFoundGracePeriod());
      if (limitReached()) {
        return Decision.fail(timeout("at its limit of " + options.maxAttempts() + " polls", e, now));
      }
      // The grace period ends exactly: the poll after it decides (and the schedule is anchored there).
      schedule.read(now);
      Duration next = schedule.next(now);
      long graceEnd = Durations.saturatedNanos(options.notFoundGracePeriod());
      if (Durations.add(now, next.toNanos()) >= graceEnd) {
        next = schedule.dueAt(now, graceEnd);
      }
      return again(Decision.again(next), e, now);
    }
    consecutiveFailures = Durations.increment(consecutiveFailures);
    Decision<WaitResult> retry = WaitAcceptors.isTolerated(e) ? RetryDecision.after(e, true, consecutiveFailures,
        options.maxConsecutiveTransientErrors(), retryPolicy, jitter.getAsDouble()) : null;
    if (retry == null) {
      if (WaitAcceptors.isTolerated(e)) {
        LOG.warn("ending the wait for job {} after {} failed polls in a row: {}", jobId, consecutiveFailures,
            e.getMessage());
      }
      return Decision.fail(e);
    }
    if (limitReached()) {
      return Decision.fail(timeout("at its limit of " + options.maxAttempts() + " polls", e, now));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("poll {} of job {} failed ({}); polling again in {}", polls, jobId, e.getMessage(),
          DurationText.format(retry.delay()));
    }
    return again(retry, e, now);
  }

  /**
   * A poll that the client's rate limiter would hold long is skipped for the schedule's next step. A single
   * poll ({@code pollOnce}) is never skipped: its caller chose its time.
   */
  @Override
  public Decision<WaitResult> onHeld(long holdNanos, Duration sinceResumed) {
    long now = elapsed(sinceResumed);
    if (single || !schedule.skips(holdNanos, now)) {
      return null;
    }
    return Decision.again(schedule.next(now));
  }

  /**
   * The job goes on: takes the checkpoint of this moment and hands it to the listener; a single poll ends
   * here, its checkpoint being its result.
   */
  private Decision<WaitResult> again(Decision<WaitResult> next, SfsTurboException failure, long now) {
    if (single || progress.wantsCheckpoints()) {
      Instant at = wall.get();
      Duration delay = next.delay();
      if (single) {
        // No loop times the next poll here: clamp it to the deadline as the loop would, so that the caller's
        // timer never overshoots it and a last poll still fits before it.
        Instant latestStart = Deadline.latestStart(startedAt, options.timeout(), attemptTimeout);
        if (at.plus(delay).isAfter(latestStart)) {
          boolean floorPasses = next.floor() != null && at.plus(next.floor()).isAfter(latestStart);
          if (floorPasses || !at.isBefore(latestStart)) {
            return Decision.fail(onExpired(failure, floorPasses ? next : null, Duration.ofNanos(now - beforeNanos)));
          }
          delay = Duration.between(at, latestStart);
        }
      }
      checkpoint = WaitCheckpoint.builder().jobId(jobId).startedAt(startedAt).takenAt(at).nextDelay(delay)
          .polls(polls).scheduleStep(schedule.step()).consecutiveFailures(consecutiveFailures)
          .lastStatus(progress.lastStatusText()).notFoundReported(progress.notFoundReported())
          .subJobStatuses(progress.subJobStatuses()).options(options).build();
      progress.checkpoint(checkpoint);
    }
    return single ? Decision.<WaitResult>done(null) : next;
  }

  /** The checkpoint after the last poll that left the job running, or null when none was taken. */
  WaitCheckpoint checkpoint() {
    return checkpoint;
  }

  @Override
  public SfsTurboException onExpired(SfsTurboException lastFailure, Decision<WaitResult> refused,
      Duration sinceResumed) {
    String why = "at its " + DurationText.format(options.timeout()) + " deadline";
    if (refused != null && refused.floorReason() != null) {
      why += " (" + refused.floorReason() + " before the next poll)";
    }
    return timeout(why, lastFailure, elapsed(sinceResumed));
  }

  @Override
  public SfsTurboException onInterrupted(InterruptedException e) {
    return new WaitInterruptedException(jobId, e);
  }

  private boolean limitReached() {
    return options.maxAttempts() > 0 && polls >= options.maxAttempts();
  }

  private WaitTimeoutException timeout(String why, SfsTurboException lastFailure, long nowNanos) {
    return new WaitTimeoutException(jobId, why, last, polls, Duration.ofNanos(nowNanos), lastFailure);
  }

  private void log(boolean changed, JobDetail job, Duration next, long nowNanos) {
    if (changed) {
      progress.logChange(job, next, polls, Duration.ofNanos(nowNanos));
    }
  }
}
