// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.internal.Sleeper;
import io.sfsturbo.jobs.internal.TestSeam;
import io.sfsturbo.jobs.internal.engine.Engine;
import io.sfsturbo.jobs.internal.engine.Loop;
import io.sfsturbo.jobs.internal.engine.Scheduler;
import io.sfsturbo.jobs.internal.engine.Ticker;
import io.sfsturbo.jobs.internal.telemetry.TelemetryHub;
import io.sfsturbo.jobs.internal.telemetry.WaitProbe;
import io.sfsturbo.jobs.telemetry.WaitOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;

/**
 * Waits until an SFS Turbo job ends, and says how: the final detail on success, a
 * {@link JobFailedException} when it failed, a {@link WaitTimeoutException} when the deadline
 * passed first. Thread-safe; one waiter serves any number of waits.
 *
 * <pre>{@code
 * JobWaiter waiter = client.waiter();
 * WaitResult done = waiter.waitFor(jobId, WaitOptions.defaults());          // blocks this thread
 * CompletableFuture<WaitResult> f = waiter.waitForAsync(jobId, options);   // holds no thread
 * }</pre>
 *
 * <p>The wait owns its whole budget: each poll is one HTTP attempt bounded by the client's attempt
 * timeout and by the time left, a transient failure is polled again with the client's retry
 * backoff, and no delay (a server's {@code Retry-After} included) runs past the deadline. Async
 * waits hold no thread while they wait: the delay between polls is timed by the client's
 * scheduler. Cancelling the future stops the wait at once: no poll is sent after it. Closing the
 * client ends running waits with a {@link io.sfsturbo.jobs.errors.ClientClosedException}.
 *
 * <p>Polls keep to the schedule of {@link WaitOptions} from the wait's start: a slow answer does not
 * push the later polls back, and a poll answered after the next one was due counts as that one. When
 * the gateway has throttled the client ({@link io.sfsturbo.jobs.retry.AdaptiveRateLimit}), a poll that
 * the client's rate limiter would hold longer than a quarter of the time since the wait last read its
 * job is skipped: the wait polls at its next scheduled time instead. The chance that a poll finds the
 * job ended grows with that time, so the capacity the gateway allows goes first to the polls most
 * likely to see an end, and those are held only briefly, while waits that looked recently poll less
 * often until the throttling passes. A skipped poll sends no request and is not counted in
 * {@link WaitResult#polls()}.
 */
public final class JobWaiter {
  static {
    Engine.Waiters.install(Builder::new);
    TestSeam.register(Builder.class, b -> TestSeam.settings(c -> b.clock = c, s -> b.sleeper = s,
        j -> b.random = j, null));
  }

  /** The client that polls; typed loosely so that this package does not depend on the client's. */
  private final Object client;
  /** Null unless the builder replaced them: the client's engine then times the wait. */
  private final Ticker ticker;
  private final Scheduler scheduler;
  private final DoubleSupplier random;
  /** The time checkpoints are taken in; a wall clock, since a checkpoint may be read on another machine. */
  private final Clock wall;

  private JobWaiter(Builder b) {
    this.wall = b.clock != null ? b.clock : Clock.systemUTC();
    this.client = b.client;
    this.ticker = b.clock != null || b.sleeper != null
        ? Ticker.of(b.clock != null ? b.clock : Clock.systemUTC(), b.sleeper != null ? b.sleeper : Sleeper.SYSTEM)
        : null;
    this.scheduler = b.scheduler != null ? Scheduler.of(b.scheduler) : null;
    this.random = b.random;
  }

  /**
   * Waits on this thread until the job ends.
   *
   * @param jobId the job id
   * @param options how to poll
   * @return the final detail, with the number of polls and the time taken
   * @throws JobFailedException when the job failed
   * @throws WaitTimeoutException when the deadline or the attempt limit passed first (the wait ends
   *     no later than about one second after its deadline, whatever the server does)
   * @throws UnexpectedJobStatusException under {@link UnknownStatusPolicy#FAIL_FAST}
   * @throws WaitInterruptedException when the thread is interrupted (its flag is set again)
   * @throws SfsTurboException (another subtype) when polling failed for good
   * @throws IllegalArgumentException when the job id is invalid, before any request
   */
  public WaitResult waitFor(String jobId, WaitOptions options) {
    return newWait(jobId, options).run(options.initialDelay().toNanos());
  }

  /**
   * Waits without holding a thread. The future completes with the final detail, or
   * exceptionally with the same exceptions as {@link #waitFor(String, WaitOptions)}; cancelling
   * it stops polling at once.
   *
   * @param jobId the job id
   * @param options how to poll
   * @return the future result
   * @throws IllegalArgumentException at once when the job id is invalid
   * @throws IllegalStateException at once when the client is closed
   */
  public CompletableFuture<WaitResult> waitForAsync(String jobId, WaitOptions options) {
    return newWait(jobId, options).start(options.initialDelay().toNanos());
  }

  /**
   * Continues a wait from a checkpoint, on this thread, in this or another process: the first poll
   * is at {@link WaitCheckpoint#nextPollAt()} (at once if that has passed), the schedule goes on
   * where it was, and the deadline stays {@link WaitCheckpoint#deadline()}. The listener hears
   * only what changes after the checkpoint (and {@link JobProgressListener#onCheckpoint} after each
   * poll). The result's polls and elapsed time count from the wait's first start.
   *
   * @param checkpoint where the wait was
   * @param listener hears progress; {@code WaitOptions.defaults().listener()} for none
   * @return the final detail
   * @throws WaitTimeoutException when the deadline passed (at once if it already has)
   * @throws JobFailedException when the job failed
   * @throws SfsTurboException (another subtype) as {@link #waitFor(String, WaitOptions)}
   */
  public WaitResult waitFor(WaitCheckpoint checkpoint, JobProgressListener listener) {
    Resume r = resume(checkpoint, listener, false, null);
    return r.loop.run(r.initialDelayNanos);
  }

  /**
   * Continues a wait from a checkpoint without holding a thread, as
   * {@link #waitFor(WaitCheckpoint, JobProgressListener)} does on the caller's.
   *
   * @param checkpoint where the wait was
   * @param listener hears progress
   * @return the future result
   * @throws IllegalStateException at once when the client is closed
   */
  public CompletableFuture<WaitResult> waitForAsync(WaitCheckpoint checkpoint, JobProgressListener listener) {
    Resume r = resume(checkpoint, listener, false, null);
    return r.loop.start(r.initialDelayNanos);
  }

  /**
   * Makes one poll of a wait, now, and says what comes next: for a caller that keeps the schedule
   * itself between polls (a durable workflow's timers), and calls this when
   * {@link WaitCheckpoint#nextPollAt()} has come. Time is the checkpoint's: the poll counts as
   * made at {@code nextPollAt()} (plus the time it takes here), whatever this machine's clock
   * says, so that the caller's clock alone decides the schedule and the deadline. A failed poll
   * that the wait tolerates (a 5xx, a 429, no response) is a step too, with the backoff delay.
   *
   * @param checkpoint where the wait is; {@link WaitCheckpoint#start} for its first poll
   * @param listener hears what changes at this poll
   * @return the result if the job succeeded, else the checkpoint to poll again from
   * @throws JobFailedException when the job failed
   * @throws WaitTimeoutException when the deadline leaves no room for another poll
   * @throws SfsTurboException (another subtype) when polling failed for good
   */
  public WaitStep pollOnce(WaitCheckpoint checkpoint, JobProgressListener listener) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Resume r = resume(checkpoint, listener, true, checkpoint.nextPollAt());
    WaitResult result = r.loop.run(0);
    return result != null ? new WaitStep(result, null) : new WaitStep(null, r.strategy.checkpoint());
  }

  /** A resumed wait, ready to run. */
  private static final class Resume {
    final Loop<JobDetail, WaitResult> loop;
    final WaitStrategy strategy;
    final long initialDelayNanos;

    Resume(Loop<JobDetail, WaitResult> loop, WaitStrategy strategy, long initialDelayNanos) {
      this.loop = loop;
      this.strategy = strategy;
      this.initialDelayNanos = initialDelayNanos;
    }
  }

  /**
   * @param pollAt null to read this machine's clock; else the instant the poll counts as made at,
   *     with time going on from there at this machine's pace
   */
  private Resume resume(WaitCheckpoint checkpoint, JobProgressListener listener, boolean single, Instant pollAt) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(listener, "listener");
    @SuppressWarnings("unchecked")
    Engine<JobDetail> engine = (Engine<JobDetail>) Engine.Access.of(client);
    Ticker time = ticker != null ? ticker : engine.ticker();
    Clock wall = pollAt == null ? this.wall : new Clock() {
      private final long origin = time.nanoTime();

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return pollAt.plusNanos(time.nanoTime() - origin);
      }
    };
    Instant now = wall.instant();
    Duration before = Duration.between(checkpoint.startedAt(), now);
    // A clock behind the one that started the wait must not make its elapsed time negative.
    before = before.isNegative() ? Duration.ZERO : before;
    Duration left = Duration.between(now, checkpoint.deadline());
    Duration due = Duration.between(now, checkpoint.nextPollAt());
    WaitStrategy strategy = new WaitStrategy(checkpoint, listener, engine.retryPolicy(),
        random != null ? random : engine.random(), wall, before, single);
    Loop<JobDetail, WaitResult> loop = newLoop(engine, time, checkpoint.jobId(), strategy,
        left.isNegative() ? Duration.ZERO : left, checkpoint.options().timeout());
    return new Resume(loop, strategy, due.isNegative() ? 0 : due.toNanos());
  }

  private Loop<JobDetail, WaitResult> newWait(String jobId, WaitOptions options) {
    Ids.requireValid("jobId", jobId);
    Objects.requireNonNull(options, "options");
    @SuppressWarnings("unchecked")
    Engine<JobDetail> engine = (Engine<JobDetail>) Engine.Access.of(client);
    WaitStrategy strategy = new WaitStrategy(WaitCheckpoint.start(jobId, options, wall.instant()),
        options.listener(), engine.retryPolicy(), random != null ? random : engine.random(), wall, Duration.ZERO,
        false);
    Ticker time = ticker != null ? ticker : engine.ticker();
    return newLoop(engine, time, jobId, strategy, options.timeout(), options.timeout());
  }

  /**
   * @param budget the time this run of the wait has left: its deadline minus now
   * @param timeout the wait's whole timeout, from its first start, which telemetry reports (a resumed
   *     wait has less budget than that)
   */
  private Loop<JobDetail, WaitResult> newLoop(Engine<JobDetail> engine, Ticker time, String jobId,
      WaitStrategy strategy, Duration budget, Duration timeout) {
    Loop<JobDetail, WaitResult> loop = engine.loop(jobId, strategy, budget, engine.attemptTimeout(),
        time, scheduler != null ? scheduler : engine.scheduler());
    WaitProbe<JobDetail> probe = TelemetryHub.Access.of(client).forWait(jobId, timeout,
        JobDetail::statusAsString, time::nanoTime);
    if (probe != null) {
      loop.observe(probe);
      // Every way a wait ends completes its loop: the job's end, the deadline, cancel, close.
      loop.whenComplete((result, failure) -> probe.ended(outcome(failure), failure == null ? null
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

  /** Configures a {@link JobWaiter}; made by {@code SfsTurboJobsClient.waiterBuilder()}. */
  public static final class Builder {
    private final Object client;
    private Clock clock;
    private Sleeper sleeper;
    private ScheduledExecutorService scheduler;
    private DoubleSupplier random;

    private Builder(Object client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Sets {@code scheduler}.
     *
     * @param scheduler times async polls; never shut down by the SDK
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * @return the waiter
     */
    public JobWaiter build() {
      return new JobWaiter(this);
    }
  }
}
