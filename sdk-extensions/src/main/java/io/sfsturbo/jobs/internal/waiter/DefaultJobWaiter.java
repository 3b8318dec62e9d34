// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.waiter;

import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.internal.engine.AttemptLoop;
import io.sfsturbo.jobs.internal.engine.LoopFactory;
import io.sfsturbo.jobs.internal.telemetry.TelemetryHub;
import io.sfsturbo.jobs.internal.telemetry.WaitProbe;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.telemetry.WaitOutcome;
import io.sfsturbo.jobs.time.TimeSource;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitStep;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The waiter a client makes: each wait is one engine loop with a {@link WaitDecider}, timed by the client's
 * time source or the waiter's own, and observed by the client's telemetry.
 */
public final class DefaultJobWaiter implements JobWaiter {
  private final LoopFactory<JobDetail> loops;
  private final TelemetryHub telemetry;
  private final TimeSource time;

  /**
   * Creates a waiter.
   *
   * @param loops the client's loops
   * @param telemetry the client's telemetry
   * @param time the waiter's time source, or null for the client's
   */
  public DefaultJobWaiter(LoopFactory<JobDetail> loops, TelemetryHub telemetry, TimeSource time) {
    this.loops = Objects.requireNonNull(loops, "loops");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.time = time != null ? time : loops.time();
  }

  @Override
  public WaitResult waitFor(String jobId, WaitOptions options) {
    return newWait(jobId, options).run(Durations.saturatedNanos(options.initialDelay()));
  }

  @Override
  public CompletableFuture<WaitResult> waitForAsync(String jobId, WaitOptions options) {
    return newWait(jobId, options).start(Durations.saturatedNanos(options.initialDelay()));
  }

  @Override
  public WaitResult waitFor(WaitCheckpoint checkpoint, JobProgressListener listener) {
    Resumed r = resume(checkpoint, listener, false, null);
    return r.loop.run(r.initialDelayNanos);
  }

  @Override
  public CompletableFuture<WaitResult> waitForAsync(WaitCheckpoint checkpoint, JobProgressListener listener) {
    Resumed r = resume(checkpoint, listener, false, null);
    return r.loop.start(r.initialDelayNanos);
  }

  @Override
  public WaitStep pollOnce(WaitCheckpoint checkpoint, JobProgressListener listener) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Resumed r = resume(checkpoint, listener, true, checkpoint.nextPollAt());
    WaitResult result = r.loop.run(0);
    return result != null ? WaitStep.done(result) : WaitStep.next(r.decider.checkpoint());
  }

  /** A resumed wait, ready to run. */
  private static final class Resumed {
    final AttemptLoop<JobDetail, WaitResult> loop;
    final WaitDecider decider;
    final long initialDelayNanos;

    Resumed(AttemptLoop<JobDetail, WaitResult> loop, WaitDecider decider, long initialDelayNanos) {
      this.loop = loop;
      this.decider = decider;
      this.initialDelayNanos = initialDelayNanos;
    }
  }

  /**
   * @param pollAt null to read the time source's wall clock; else the instant the poll counts as made at,
   *     with time going on from there at this machine's pace
   */
  private Resumed resume(WaitCheckpoint checkpoint, JobProgressListener listener, boolean single, Instant pollAt) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(listener, "listener");
    Supplier<Instant> wall = pollAt == null ? time::now : sinceFixed(pollAt);
    Instant now = wall.get();
    Duration before = Duration.between(checkpoint.startedAt(), now);
    // A clock behind the one that started the wait must not make its elapsed time negative.
    before = before.isNegative() ? Duration.ZERO : before;
    Duration left = Duration.between(now, checkpoint.deadline());
    Duration due = Duration.between(now, checkpoint.nextPollAt());
    WaitDecider decider = new WaitDecider(checkpoint, listener, loops.retryPolicy(), time::jitter, wall, before,
        single, loops.attemptTimeout());
    AttemptLoop<JobDetail, WaitResult> loop = newLoop(checkpoint.jobId(), decider,
        left.isNegative() ? Duration.ZERO : left, checkpoint.options().timeout());
    return new Resumed(loop, decider, due.isNegative() ? 0 : Durations.saturatedNanos(due));
  }

  /** A wall clock that starts at an instant and runs at this machine's monotonic pace. */
  private Supplier<Instant> sinceFixed(Instant origin) {
    long start = time.nanoTime();
    return () -> origin.plusNanos(time.nanoTime() - start);
  }

  private AttemptLoop<JobDetail, WaitResult> newWait(String jobId, WaitOptions options) {
    Ids.requireValid("jobId", jobId);
    Objects.requireNonNull(options, "options");
    WaitDecider decider = new WaitDecider(WaitCheckpoint.start(jobId, options, time.now()), options.listener(),
        loops.retryPolicy(), time::jitter, time::now, Duration.ZERO, false, loops.attemptTimeout());
    return newLoop(jobId, decider, options.timeout(), options.timeout());
  }

  /**
   * @param budget the time this run of the wait has left: its deadline minus now
   * @param timeout the wait's whole timeout, from its first start, which telemetry reports
   */
  private AttemptLoop<JobDetail, WaitResult> newLoop(String jobId, WaitDecider decider, Duration budget,
      Duration timeout) {
    AttemptLoop<JobDetail, WaitResult> loop = loops.newLoop(jobId, decider, budget, loops.attemptTimeout(), time);
    WaitProbe<JobDetail> probe = telemetry.forWait(jobId, timeout, JobDetail::statusAsString, time::nanoTime);
    if (probe != null) {
      loop.observe(probe);
      loop.onEnd((result, failure) -> probe.ended(outcome(failure), failure == null ? null
          : unwrapped(failure).getClass().getSimpleName()));
    }
    return loop;
  }

  private static Throwable unwrapped(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static WaitOutcome outcome(Throwable failure) {
    Throwable t = failure == null ? null : unwrapped(failure);
    if (t == null) {
      return WaitOutcome.SUCCESS;
    }
    if (t instanceof JobFailedException) {
      return WaitOutcome.JOB_FAILED;
    }
    if (t instanceof WaitTimeoutException) {
      return WaitOutcome.TIMEOUT;
    }
    if (t instanceof CancellationException || t instanceof ClientClosedException) {
      return WaitOutcome.CANCELLED;
    }
    return WaitOutcome.ERROR;
  }

  /** The builder {@code SfsTurboJobsClient.waiterBuilder()} returns. */
  public static final class Builder implements JobWaiter.Builder {
    private final LoopFactory<JobDetail> loops;
    private final TelemetryHub telemetry;
    private TimeSource time;

    /**
     * Creates the builder of a client's waiters.
     *
     * @param loops the client's loops
     * @param telemetry the client's telemetry
     */
    public Builder(LoopFactory<JobDetail> loops, TelemetryHub telemetry) {
      this.loops = loops;
      this.telemetry = telemetry;
    }

    @Override
    public Builder timeSource(TimeSource timeSource) {
      this.time = Objects.requireNonNull(timeSource, "timeSource");
      return this;
    }

    @Override
    public JobWaiter build() {
      return new DefaultJobWaiter(loops, telemetry, time);
    }
  }
}
