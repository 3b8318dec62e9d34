// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.JobDetail;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.internal.SharedScheduler;
import io.sfsturbo.jobs.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Waits until an SFS Turbo job ends, and says how: the final detail on success, a
 * {@link JobFailedException} when it failed, a {@link WaitTimeoutException} when the deadline
 * passed first. Thread-safe; one waiter serves any number of waits.
 *
 * <pre>{@code
 * JobWaiter waiter = JobWaiter.create(client);
 * WaitResult done = waiter.waitFor(jobId, WaitOptions.defaults());          // blocks this thread
 * CompletableFuture<WaitResult> f = waiter.waitForAsync(jobId, options);   // holds no thread
 * }</pre>
 *
 * <p>Async waits hold no thread while they wait: each poll is a non-blocking call, and the delay
 * between polls is timed by one small shared scheduler (or the caller's, never shut down by
 * the SDK). Cancelling the future stops the wait at once: no poll is sent after it.
 */
public final class JobWaiter {
  private final SfsTurboJobsClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ScheduledExecutorService scheduler;
  private final DoubleSupplier random;

  private JobWaiter(Builder b) {
    this.client = b.client;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.scheduler = b.scheduler != null ? b.scheduler : SharedScheduler.get();
    this.random = b.random != null ? b.random : () -> ThreadLocalRandom.current().nextDouble();
  }

  /**
   * Returns a waiter with the system clock and the shared scheduler.
   *
   * @param client the client that polls
   * @return the waiter
   */
  public static JobWaiter create(SfsTurboJobsClient client) {
    return builder(client).build();
  }

  /**
   * Returns a builder, to set the clock, sleeper or scheduler (tests make waits instant with them).
   *
   * @param client the client that polls
   * @return the builder
   */
  public static Builder builder(SfsTurboJobsClient client) {
    return new Builder(client);
  }

  /**
   * Waits on this thread until the job ends.
   *
   * @param jobId the job id
   * @param options how to poll
   * @return the final detail, with the number of polls and the time taken
   * @throws JobFailedException when the job failed
   * @throws WaitTimeoutException when the deadline or the attempt limit passed first
   * @throws UnexpectedJobStatusException under {@link UnknownStatusPolicy#FAIL_FAST}
   * @throws WaitInterruptedException when the thread is interrupted (its flag is set again)
   * @throws SfsTurboException (another subtype) when polling failed for good
   * @throws IllegalArgumentException when the job id is invalid, before any request
   */
  public WaitResult waitFor(String jobId, WaitOptions options) {
    Ids.requireValid("jobId", jobId);
    Objects.requireNonNull(options, "options");
    WaitState state = new WaitState(jobId, options, clock, random);
    Duration delay = state.firstDelay();
    while (true) {
      if (!delay.isZero()) {
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new WaitInterruptedException(jobId, e);
        }
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new WaitInterruptedException(jobId, new InterruptedException());
      }
      WaitState.Decision decision;
      try {
        decision = state.onJob(client.showJobDetail(jobId));
      } catch (SfsTurboException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new WaitInterruptedException(jobId, new InterruptedException());
        }
        decision = state.onFailure(e);
      }
      if (decision.result != null) {
        return decision.result;
      }
      if (decision.failure != null) {
        throw decision.failure;
      }
      delay = decision.nextDelay;
    }
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
   */
  public CompletableFuture<WaitResult> waitForAsync(String jobId, WaitOptions options) {
    Ids.requireValid("jobId", jobId);
    Objects.requireNonNull(options, "options");
    AsyncWait wait = new AsyncWait(jobId, new WaitState(jobId, options, clock, random));
    wait.schedule(wait.state.firstDelay());
    return wait;
  }

  /** One async wait: schedule, poll, decide, until done; each step first checks whether it is done. */
  private final class AsyncWait extends CompletableFuture<WaitResult> {
    final String jobId;
    final WaitState state;
    private volatile ScheduledFuture<?> pendingPoll;
    private volatile CompletableFuture<JobDetail> inFlight;

    AsyncWait(String jobId, WaitState state) {
      this.jobId = jobId;
      this.state = state;
    }

    void schedule(Duration delay) {
      if (isDone()) {
        return;
      }
      try {
        pendingPoll = scheduler.schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RuntimeException rejected) {
        completeExceptionally(new SfsTurboException("the scheduler refused the next poll of job '" + jobId + "'",
            rejected));
      }
      if (isDone()) {
        cancelPending();
      }
    }

    private void poll() {
      if (isDone()) {
        return;
      }
      CompletableFuture<JobDetail> call;
      try {
        call = client.showJobDetailAsync(jobId);
      } catch (RuntimeException e) {
        completeExceptionally(e);
        return;
      }
      inFlight = call;
      if (isDone()) {
        call.cancel(true);
        return;
      }
      call.whenComplete(this::onPolled);
    }

    private void onPolled(JobDetail job, Throwable error) {
      if (isDone()) {
        return;
      }
      WaitState.Decision decision;
      try {
        if (error == null) {
          decision = state.onJob(job);
        } else {
          Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
              ? error.getCause() : error;
          if (!(cause instanceof SfsTurboException)) {
            completeExceptionally(cause);
            return;
          }
          decision = state.onFailure((SfsTurboException) cause);
        }
      } catch (RuntimeException e) {
        completeExceptionally(e);
        return;
      }
      if (decision.result != null) {
        complete(decision.result);
      } else if (decision.failure != null) {
        completeExceptionally(decision.failure);
      } else {
        schedule(decision.nextDelay);
      }
    }

    private void cancelPending() {
      ScheduledFuture<?> p = pendingPoll;
      if (p != null) {
        p.cancel(false);
      }
      CompletableFuture<JobDetail> c = inFlight;
      if (c != null) {
        c.cancel(true);
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      cancelPending();
      return cancelled;
    }
  }

  /** Configures a {@link JobWaiter}. */
  public static final class Builder {
    private final SfsTurboJobsClient client;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private ScheduledExecutorService scheduler;
    private DoubleSupplier random;

    private Builder(SfsTurboJobsClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Sets {@code clock}.
     *
     * @param clock the time source of deadlines and durations
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets {@code sleeper}.
     *
     * @param sleeper how sync waits pause between polls
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
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
     * Sets {@code jitterSource}.
     *
     * @param random numbers in [0, 1) that draw the jitter
     * @return this builder
     */
    public Builder jitterSource(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
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
