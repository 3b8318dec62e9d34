// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.JobDetail;
import io.sfsturbo.jobs.JobStatus;
import io.sfsturbo.jobs.SubJobDetail;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.SfsTurboErrorCode;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of one wait, shared by the sync and async waiters: after each poll, whether the
 * wait is over (and how) or when to poll next. Not thread-safe; a wait calls it from one poll at
 * a time.
 */
final class WaitState {
  private static final Logger LOG = LoggerFactory.getLogger(JobWaiter.class);

  /** What to do after a poll: exactly one of the three fields is set. */
  static final class Decision {
    final WaitResult result;
    final SfsTurboException failure;
    final Duration nextDelay;

    private Decision(WaitResult result, SfsTurboException failure, Duration nextDelay) {
      this.result = result;
      this.failure = failure;
      this.nextDelay = nextDelay;
    }
  }

  private final String jobId;
  private final WaitOptions options;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Instant start;
  private final Instant deadline;
  private int polls;
  private int consecutiveTransient;
  private Duration interval;
  private JobDetail last;
  private JobStatus lastStatus;
  private final Map<String, JobStatus> subStatuses = new HashMap<>();
  private final Set<String> unknownSeen = new HashSet<>();

  WaitState(String jobId, WaitOptions options, Clock clock, DoubleSupplier random) {
    this.jobId = jobId;
    this.options = options;
    this.clock = clock;
    this.random = random;
    this.start = clock.instant();
    this.deadline = start.plus(options.timeout());
    this.interval = options.pollInterval();
  }

  /** Returns the delay before the first poll, clamped to the deadline. */
  Duration firstDelay() {
    return clamp(options.initialDelay());
  }

  int polls() {
    return polls;
  }

  /** Decides after a poll that returned the job. */
  Decision onJob(JobDetail job) {
    polls++;
    consecutiveTransient = 0;
    last = job;
    boolean changed = reportChanges(job);
    if (job.isSuccess()) {
      log(changed, job, null);
      return new Decision(new WaitResult(job, polls, elapsed()), null, null);
    }
    if (job.isFailed()) {
      log(changed, job, null);
      return failure(new JobFailedException(job));
    }
    if (job.hasUnknownStatus() && options.unknownStatusPolicy() == UnknownStatusPolicy.FAIL_FAST) {
      log(changed, job, null);
      return failure(new UnexpectedJobStatusException(job));
    }
    Decision next = next(computedDelay());
    log(changed, job, next);
    return next;
  }

  /** Decides after a poll that failed (after the client's own retries). */
  Decision onFailure(SfsTurboException e) {
    polls++;
    if (isNotYetVisible(e)) {
      LOG.debug("job {} not found yet ({} into the {} grace period); polling again", jobId, elapsed(),
          options.notFoundGracePeriod());
      return next(computedDelay());
    }
    // A poll is idempotent: an unreadable answer (a proxy's HTML page, a cut JSON) says nothing
    // about the job, so the wait tolerates it like a transient failure, within the same limit.
    if (!RetryPolicy.isRetryable(e) && !(e instanceof ResponseDecodingException)) {
      return failure(e);
    }
    consecutiveTransient++;
    if (consecutiveTransient >= options.maxConsecutiveTransientErrors()) {
      LOG.warn("ending the wait for job {} after {} transient failures in a row: {}", jobId, consecutiveTransient,
          e.getMessage());
      return failure(e);
    }
    Duration delay = computedDelay();
    if (e instanceof ThrottledException && ((ThrottledException) e).retryAfter() != null) {
      Duration retryAfter = ((ThrottledException) e).retryAfter();
      delay = retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
    LOG.debug("poll {} of job {} failed ({}); polling again in {} ms", polls, jobId, e.getMessage(), delay.toMillis());
    return next(delay);
  }

  private boolean isNotYetVisible(SfsTurboException e) {
    return last == null && e instanceof ResourceNotFoundException
        && ((ResourceNotFoundException) e).knownErrorCode() == SfsTurboErrorCode.INVALID_JOB_ID
        && elapsed().compareTo(options.notFoundGracePeriod()) < 0;
  }

  /** Gives up with a timeout when the deadline or the attempt limit is reached; otherwise schedules. */
  private Decision next(Duration wanted) {
    Instant now = clock.instant();
    if (!now.isBefore(deadline)) {
      return failure(new WaitTimeoutException(jobId, "at its " + options.timeout() + " deadline", last, polls,
          elapsed(), null));
    }
    if (options.maxAttempts() > 0 && polls >= options.maxAttempts()) {
      return failure(new WaitTimeoutException(jobId, "at its limit of " + options.maxAttempts() + " polls", last,
          polls, elapsed(), null));
    }
    return new Decision(null, null, clamp(wanted));
  }

  private Decision failure(SfsTurboException e) {
    return new Decision(null, e, null);
  }

  /** The backoff delay of this poll with jitter drawn from [d(1-j), d]; the interval then grows. */
  private Duration computedDelay() {
    Duration base = interval;
    long grown = (long) Math.min((double) Long.MAX_VALUE, interval.toMillis() * options.backoffMultiplier());
    interval = Duration.ofMillis(Math.min(grown, options.maxInterval().toMillis()));
    double factor = 1.0 - options.jitter() * random.getAsDouble();
    return Duration.ofMillis((long) (base.toMillis() * factor));
  }

  private Duration clamp(Duration wanted) {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative()) {
      return Duration.ZERO;
    }
    return wanted.compareTo(left) > 0 ? left : wanted;
  }

  private Duration elapsed() {
    return Duration.between(start, clock.instant());
  }

  /** Tells the listener about each change since the last poll; returns whether the job's status changed. */
  private boolean reportChanges(JobDetail job) {
    JobProgressListener listener = options.listener();
    boolean changed = !Objects.equals(lastStatus, job.status());
    if (changed) {
      JobStatus previous = lastStatus;
      lastStatus = job.status();
      safely(() -> listener.onJobStatusChanged(job, previous, job.status()));
    }
    if (job.hasUnknownStatus() && unknownSeen.add(job.status().value())) {
      safely(() -> listener.onUnknownStatus(job));
    }
    List<SubJobDetail> subs = job.subJobs();
    for (int i = 0; i < subs.size(); i++) {
      SubJobDetail sub = subs.get(i);
      String key = sub.jobId() != null ? sub.jobId() : "#" + i;
      JobStatus previous = subStatuses.get(key);
      if (!subStatuses.containsKey(key) || !Objects.equals(previous, sub.status())) {
        subStatuses.put(key, sub.status());
        safely(() -> listener.onSubJobStatusChanged(job, sub, previous, sub.status()));
        LOG.info("job {} sub-job {} ({}): {} -> {}", jobId, sub.jobId(), sub.jobType(), previous, sub.status());
      }
    }
    return changed;
  }

  private void log(boolean changed, JobDetail job, Decision next) {
    if (!changed) {
      return;
    }
    if (next == null || next.nextDelay == null) {
      LOG.info("job {} ({}) is now {} after {} polls in {}", jobId, job.jobType(), job.status(), polls, elapsed());
    } else {
      LOG.info("job {} ({}) is now {}; next poll in {} ms", jobId, job.jobType(), job.status(),
          next.nextDelay.toMillis());
    }
  }

  private void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a progress listener of the wait for job {} threw; the wait goes on", jobId, e);
    }
  }
}
