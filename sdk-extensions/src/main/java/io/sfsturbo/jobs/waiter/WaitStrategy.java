// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobState;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.internal.Printable;
import io.sfsturbo.jobs.internal.engine.Step;
import io.sfsturbo.jobs.internal.engine.Strategy;
import io.sfsturbo.jobs.retry.Backoff;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Duration;
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
 * The decisions of one wait, for the engine's loop: after each poll, whether the wait is over
 * (and how) or when to poll next. A poll is a single attempt: the wait owns the whole budget,
 * and a transient failure is retried here with the client's retry backoff, within
 * {@link WaitOptions#maxConsecutiveTransientErrors()}. Not thread-safe; the loop calls it from
 * one poll at a time.
 */
final class WaitStrategy implements Strategy<JobDetail, WaitResult> {
  private static final Logger LOG = LoggerFactory.getLogger(JobWaiter.class);

  private final String jobId;
  private final WaitOptions options;
  private final Backoff pollBackoff;
  private final RetryPolicy retryPolicy;
  private final DoubleSupplier random;
  private int polls;
  private int pollDelays;
  private int consecutiveTransient;
  private JobDetail last;
  private JobStatus lastStatus;
  private Object lastStatusKey;
  private boolean notFoundReported;
  private final Map<String, SubJobDetail> subSeen = new HashMap<>();
  private final Set<String> unknownSeen = new HashSet<>();

  WaitStrategy(String jobId, WaitOptions options, RetryPolicy retryPolicy, DoubleSupplier random) {
    this.jobId = jobId;
    this.options = options;
    this.pollBackoff = options.pollBackoff();
    this.retryPolicy = retryPolicy;
    this.random = random;
  }

  @Override
  public Step<WaitResult> onSuccess(JobDetail job, Duration elapsed) {
    polls++;
    consecutiveTransient = 0;
    last = job;
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
    Duration next = pollBackoff.delay(pollDelays++, random.getAsDouble());
    log(changed, job, next, elapsed);
    return Step.again(next);
  }

  @Override
  public Step<WaitResult> onFailure(SfsTurboException e, Duration elapsed) {
    polls++;
    if (isNotYetVisible(e, elapsed)) {
      Duration graceLeft = options.notFoundGracePeriod().minus(elapsed);
      if (!notFoundReported) {
        notFoundReported = true;
        LOG.info("job {} not found yet; it may have just been created, so the wait keeps trying for {}", jobId,
            Durations.human(options.notFoundGracePeriod()));
        safely(() -> options.listener().onJobNotFoundYet(jobId, options.notFoundGracePeriod()));
      }
      if (limitReached()) {
        return Step.fail(timeout("at its limit of " + options.maxAttempts() + " polls", e, elapsed));
      }
      // The grace period ends exactly: the poll after it decides.
      Duration next = pollBackoff.delay(pollDelays++, random.getAsDouble());
      return Step.again(next.compareTo(graceLeft) < 0 ? next : graceLeft);
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
          Durations.human(next.delay()));
    }
    return next;
  }

  @Override
  public SfsTurboException onExpired(SfsTurboException lastFailure, Step<WaitResult> refused, Duration elapsed) {
    String why = "at its " + Durations.human(options.timeout()) + " deadline";
    if (refused != null && refused.isServerAsked()) {
      why += " (the server asked to wait " + Durations.human(refused.delay()) + " before the next poll)";
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
    return last == null && e instanceof ResourceNotFoundException
        && ((ResourceNotFoundException) e).knownErrorCode() == SfsTurboErrorCode.INVALID_JOB_ID
        && elapsed.compareTo(options.notFoundGracePeriod()) < 0;
  }

  /** Tells the listener about each change since the last poll; returns whether the job's status changed. */
  private boolean reportChanges(JobDetail job) {
    JobProgressListener listener = options.listener();
    // Compared as text where the SDK does not know the value: 'cancelled' then 'paused' is a change.
    boolean changed = !Objects.equals(lastStatusKey, statusKey(job));
    if (changed) {
      JobStatus previous = lastStatus;
      lastStatus = job.status();
      lastStatusKey = statusKey(job);
      safely(() -> listener.onJobStatusChanged(job, previous, job.status()));
    }
    if (job.hasUnknownStatus() && unknownSeen.add(job.statusAsString())) {
      safely(() -> listener.onUnknownStatus(job));
    }
    List<SubJobDetail> subs = job.subJobs();
    for (int i = 0; i < subs.size(); i++) {
      SubJobDetail sub = subs.get(i);
      String key = sub.jobId() != null ? sub.jobId() : "#" + i;
      SubJobDetail before = subSeen.get(key);
      if (before == null || !Objects.equals(statusKey(before), statusKey(sub))) {
        subSeen.put(key, sub);
        JobStatus previous = before == null ? null : before.status();
        safely(() -> listener.onSubJobStatusChanged(job, sub, previous, sub.status()));
        if (LOG.isInfoEnabled()) {
          LOG.info("job {} sub-job {} ({}): {} -> {}", jobId, Printable.forMessage(sub.jobId()),
              Printable.forMessage(sub.jobType()), before == null ? null : Printable.forMessage(before.statusAsString()),
              Printable.forMessage(sub.statusAsString()));
        }
      }
    }
    return changed;
  }

  private void log(boolean changed, JobDetail job, Duration next, Duration elapsed) {
    if (!changed || !LOG.isInfoEnabled()) {
      return;
    }
    String type = Printable.forMessage(job.jobType());
    String status = Printable.forMessage(job.statusAsString());
    if (next == null) {
      LOG.info("job {} ({}) is now {} after {} polls in {}", jobId, type, status, polls, Durations.human(elapsed));
    } else {
      LOG.info("job {} ({}) is now {}; next poll in {}", jobId, type, status, Durations.human(next));
    }
  }

  /** The status as compared for changes: the constant, or the text of a value the SDK does not know. */
  private static Object statusKey(JobState job) {
    return job.hasUnknownStatus() ? "?" + job.statusAsString() : job.status();
  }

  private void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a progress listener of the wait for job {} threw; the wait goes on", jobId, e);
    }
  }
}
