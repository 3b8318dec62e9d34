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

  private JobWaiter(Builder b) {
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

  private Loop<JobDetail, WaitResult> newWait(String jobId, WaitOptions options) {
    Ids.requireValid("jobId", jobId);
    Objects.requireNonNull(options, "options");
    @SuppressWarnings("unchecked")
    Engine<JobDetail> engine = (Engine<JobDetail>) Engine.Access.of(client);
    WaitStrategy strategy = new WaitStrategy(jobId, options, engine.retryPolicy(),
        random != null ? random : engine.random());
    Ticker time = ticker != null ? ticker : engine.ticker();
    Loop<JobDetail, WaitResult> loop = engine.loop(jobId, strategy, options.timeout(), engine.attemptTimeout(),
        time, scheduler != null ? scheduler : engine.scheduler());
    WaitProbe<JobDetail> probe = TelemetryHub.Access.of(client).forWait(jobId, options.timeout(),
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
