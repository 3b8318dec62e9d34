// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.waiter.InvalidCheckpointException;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.UnexpectedJobStatusException;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitStep;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ManualActivityCompletionClient;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activities of {@link SfsTurboJobActivities}, polling through one {@link SfsTurboJobsClient}.
 * Register one instance per worker:
 *
 * <!-- src_embed javadoc.temporal-activities -->
 * <pre>
 * SfsTurboJobActivitiesImpl activities = SfsTurboJobActivitiesImpl.builder&#40;client&#41;.build&#40;&#41;;
 * worker.registerActivitiesImplementations&#40;activities&#41;;
 * </pre>
 * <!-- end javadoc.temporal-activities -->
 *
 * <p>{@link #waitForJob(String)} returns its worker thread at once: the wait runs on the client's
 * scheduler ({@code waitForAsync}), and the activity is completed through a
 * {@link ManualActivityCompletionClient}. Heartbeats, completions and failures are blocking RPCs to
 * the Temporal service, made on a small pool of daemon threads of this instance ({@link Builder#rpcThreads},
 * never on the client's scheduler, which times every wait). Each wait's calls go in order, one at a
 * time, and a heartbeat not yet sent when a newer one comes is replaced by it; a slow call (up to
 * the service stubs' RPC timeout) holds one thread and delays only its own wait's next call.
 * Since no thread is held between polls, a worker holds as many waits as its
 * {@code maxConcurrentActivityExecutionSize} allows: raise it (see the repository's docs/temporal.md).
 * Close the instance after the worker to stop those threads; close the client to hand running waits to
 * another worker at once.
 */
public final class SfsTurboJobActivitiesImpl implements SfsTurboJobActivities, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SfsTurboJobActivitiesImpl.class);

  /** The threads that send heartbeats and completions unless the builder says otherwise. */
  static final int DEFAULT_RPC_THREADS = 8;

  private final JobWaiter waiter;
  private final JobProgressListener listener;
  private final ExecutorService rpc;

  private SfsTurboJobActivitiesImpl(Builder b) {
    this.waiter = b.waiter != null ? b.waiter : b.client.waiter();
    this.listener = b.listener;
    this.rpc = rpcPool(b.rpcThreads);
  }

  /** Up to {@code threads} daemon threads for the RPCs to Temporal; none is kept while idle. */
  static ThreadPoolExecutor rpcPool(int threads) {
    AtomicInteger made = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<Runnable>(), r -> {
          Thread t = new Thread(r, "sfsturbo-temporal-rpc-" + made.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Returns a builder for activities that poll through a client.
   *
   * @param client the client; not closed by the activities
   * @return the builder
   */
  public static Builder builder(SfsTurboJobsClient client) {
    return new Builder(client);
  }

  @Override
  public JobWaitResult waitForJob(String checkpointText) {
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    // A retry (after a crash, a restart, a shutdown) starts where the last attempt's heartbeat left off.
    String text = ctx.getHeartbeatDetails(String.class).orElse(checkpointText);
    WaitCheckpoint checkpoint;
    try {
      checkpoint = WaitCheckpoint.parse(text);
    } catch (InvalidCheckpointException e) {
      throw failure(e);
    }
    ManualActivityCompletionClient completion = ctx.useLocalManualCompletion();
    WaitCalls calls = new WaitCalls(completion, rpc);
    CompletableFuture<WaitResult> wait;
    try {
      wait = waiter.waitForAsync(checkpoint, new Forwarding(listener, calls));
    } catch (RuntimeException e) {
      rpc.execute(() -> safely(() -> completion.fail(failure(e))));
      return null;
    }
    calls.wait = wait;
    wait.whenComplete(calls::end);
    return null;   // ignored: completion is manual
  }

  @Override
  public JobPollResult pollJob(String checkpointText) {
    try {
      WaitStep step = waiter.pollOnce(WaitCheckpoint.parse(checkpointText), listener);
      if (step.isDone()) {
        return new JobPollResult(JobWaitResult.of(step.result()), null, 0);
      }
      WaitCheckpoint next = step.checkpoint();
      return new JobPollResult(null, next.toText(), next.nextPollAt().toEpochMilli());
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  /**
   * Stops the threads that send heartbeats and completions; running waits are not completed.
   * Call it after the worker has shut down.
   */
  @Override
  public void close() {
    rpc.shutdown();
  }

  /** Maps the SDK's exceptions to Temporal's failure model: what may pass on a retry is retryable, nothing else. */
  static ApplicationFailure failure(Throwable thrown) {
    Throwable t = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    if (t instanceof ApplicationFailure) {
      return (ApplicationFailure) t;
    }
    if (t instanceof JobFailedException) {
      return ApplicationFailure.newNonRetryableFailureWithCause(t.getMessage(), JobWaitFailures.JOB_FAILED, t,
          JobFailure.of((JobFailedException) t));
    }
    if (t instanceof WaitTimeoutException) {
      return ApplicationFailure.newNonRetryableFailureWithCause(t.getMessage(), JobWaitFailures.WAIT_TIMEOUT, t,
          WaitTimeout.of((WaitTimeoutException) t));
    }
    if (t instanceof UnexpectedJobStatusException) {
      return ApplicationFailure.newNonRetryableFailureWithCause(t.getMessage(), JobWaitFailures.UNEXPECTED_STATUS, t);
    }
    if (t instanceof InvalidCheckpointException) {
      return ApplicationFailure.newNonRetryableFailureWithCause(t.getMessage(), JobWaitFailures.INVALID_CHECKPOINT, t);
    }
    if (t instanceof ClientClosedException) {
      return ApplicationFailure.newFailureWithCause(t.getMessage(), JobWaitFailures.WORKER_STOPPING, t);
    }
    if (t instanceof SfsTurboException && !((SfsTurboException) t).isRetryable()) {
      return ApplicationFailure.newNonRetryableFailureWithCause(t.getMessage(), JobWaitFailures.API_ERROR, t);
    }
    if (t instanceof SfsTurboException) {
      return ApplicationFailure.newFailureWithCause(t.getMessage(), JobWaitFailures.TRANSIENT_ERROR, t);
    }
    // A bug or an unexpected runtime failure: Temporal's default, a retry from the last heartbeat.
    return ApplicationFailure.newFailureWithCause(String.valueOf(t), t.getClass().getName(), t);
  }

  private static void safely(Runnable rpcCall) {
    try {
      rpcCall.run();
    } catch (RuntimeException e) {
      // The activity may have timed out or been completed elsewhere: Temporal's view wins.
      LOG.debug("a Temporal completion call failed: {}", e.toString());
    }
  }

  /**
   * One wait's calls to Temporal, in order and one at a time, on the shared RPC pool: its heartbeats
   * (the newest only: one not yet sent is replaced by a newer), then its completion. A call that
   * blocks holds one thread of the pool and this wait's later calls, no other wait's.
   */
  static final class WaitCalls {
    private final ManualActivityCompletionClient completion;
    private final Executor pool;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicReference<String> pending = new AtomicReference<>();
    volatile CompletableFuture<WaitResult> wait;
    private volatile boolean cancelled;

    WaitCalls(ManualActivityCompletionClient completion, Executor pool) {
      this.completion = completion;
      this.pool = pool;
    }

    /** Heartbeats a checkpoint, unless a newer one replaces it before it is sent. */
    void offer(WaitCheckpoint c) {
      if (pending.getAndSet(c.toText()) == null && !call(this::send)) {
        pending.set(null);   // the pool is closed
      }
    }

    /** Completes the activity as the wait ended, after the heartbeats before it. */
    void end(WaitResult result, Throwable t) {
      call(() -> {
        if (t == null) {
          safely(() -> completion.complete(JobWaitResult.of(result)));
        } else if (cancelled) {
          safely(() -> completion.reportCancellation(null));
        } else {
          safely(() -> completion.fail(failure(t)));
        }
      });
    }

    private boolean call(Runnable rpcCall) {
      queue.add(rpcCall);
      return drainLater();
    }

    private boolean drainLater() {
      if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
        return true;   // nothing to do, or the running drain takes it
      }
      try {
        pool.execute(this::drain);
        return true;
      } catch (RejectedExecutionException closed) {
        queue.clear();
        draining.set(false);
        return false;
      }
    }

    private void drain() {
      try {
        for (Runnable c = queue.poll(); c != null; c = queue.poll()) {
          c.run();
        }
      } finally {
        draining.set(false);
        // A call queued after the last poll, before draining was cleared; in the finally, so that a call that threw
        // (even an Error) does not leave the calls behind it waiting for this wait's next one.
        drainLater();
      }
    }

    private void send() {
      String details = pending.getAndSet(null);
      CompletableFuture<WaitResult> w = wait;
      if (details == null || (w != null && w.isDone())) {
        return;
      }
      try {
        completion.recordHeartbeat(details);
      } catch (ActivityCompletionException | CanceledFailure e) {
        // This attempt is over for this worker: the workflow cancelled it (ActivityCanceledException), it timed
        // out and may run elsewhere (ActivityNotExistsException), or it was reset or paused. Polling on would only
        // duplicate the polls of the next attempt; the completion then reports a cancellation.
        cancelled = true;
        if (w != null) {
          w.cancel(false);
        }
      } catch (RuntimeException e) {
        LOG.debug("a heartbeat failed: {}", e.toString());
      }
    }
  }

  /** Hears the wait for the user's listener, and heartbeats each checkpoint. */
  private static final class Forwarding implements JobProgressListener {
    private final JobProgressListener user;
    private final WaitCalls calls;

    Forwarding(JobProgressListener user, WaitCalls calls) {
      this.user = user;
      this.calls = calls;
    }

    @Override
    public void onJobStatusChanged(io.sfsturbo.jobs.model.JobDetail job, io.sfsturbo.jobs.model.JobStatus previous,
        io.sfsturbo.jobs.model.JobStatus current) {
      user.onJobStatusChanged(job, previous, current);
    }

    @Override
    public void onSubJobStatusChanged(io.sfsturbo.jobs.model.JobDetail job, io.sfsturbo.jobs.model.SubJobDetail sub,
        io.sfsturbo.jobs.model.JobStatus previous, io.sfsturbo.jobs.model.JobStatus current) {
      user.onSubJobStatusChanged(job, sub, previous, current);
    }

    @Override
    public void onUnknownStatus(io.sfsturbo.jobs.model.JobDetail job) {
      user.onUnknownStatus(job);
    }

    @Override
    public void onJobNotFoundYet(String jobId, java.time.Duration gracePeriod) {
      user.onJobNotFoundYet(jobId, gracePeriod);
    }

    @Override
    public void onCheckpoint(WaitCheckpoint checkpoint) {
      calls.offer(checkpoint);
      user.onCheckpoint(checkpoint);
    }
  }

  /** Configures {@link SfsTurboJobActivitiesImpl}. */
  public static final class Builder {
    private final SfsTurboJobsClient client;
    private JobWaiter waiter;
    private JobProgressListener listener = new JobProgressListener() {};
    private int rpcThreads = DEFAULT_RPC_THREADS;

    private Builder(SfsTurboJobsClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Sets the waiter (one of the client's, built with its own scheduler); default {@code client.waiter()}.
     *
     * @param waiter the waiter
     * @return this builder
     */
    public Builder waiter(JobWaiter waiter) {
      this.waiter = Objects.requireNonNull(waiter, "waiter");
      return this;
    }

    /**
     * Sets a listener that hears every wait's progress on this worker (logging, metrics).
     *
     * @param listener the listener; its exceptions are logged and ignored
     * @return this builder
     */
    public Builder listener(JobProgressListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets how many threads send heartbeats and completions to Temporal. Each call is a blocking RPC
     * (up to the service stubs' RPC timeout, 10 s by default; a completion is retried longer), and a
     * slow one holds a thread and its own wait's later calls only: these threads bound how many
     * waits' calls can be slow at once without delaying the others, and how many calls a second
     * the worker sends (about threads / RPC latency, against one heartbeat per poll of each wait).
     *
     * @param threads at least 1; default 8, made only when needed and let go when idle
     * @return this builder
     */
    public Builder rpcThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("rpcThreads must be at least 1, was " + threads);
      }
      this.rpcThreads = threads;
      return this;
    }

    /**
     * Builds the activities.
     *
     * @return the activities
     */
    public SfsTurboJobActivitiesImpl build() {
      return new SfsTurboJobActivitiesImpl(this);
    }
  }
}
