// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Waits for SFS Turbo jobs from workflow code, in one line; an {@code ActivityFailure} when the job fails
 * ({@link JobWaitFailures} reads it):
 *
 * <!-- src_embed javadoc.temporal-workflow -->
 * <pre>
 * SfsTurboJobs jobs = SfsTurboJobs.create&#40;SfsTurboJobs.Options.defaults&#40;&#41;&#41;;
 * JobWaitResult done = jobs.waitFor&#40;jobId&#41;;   &#47;&#47; in workflow code
 * </pre>
 * <!-- end javadoc.temporal-workflow -->
 *
 * <p>Call it only from workflow code (it makes activity stubs and timers); the activities must be
 * registered on a worker of the task queue ({@link SfsTurboJobActivitiesImpl}). The wait starts
 * and its deadline runs from the workflow's time at the call, so a replay or a retry never
 * stretches it: in both modes a wait past its deadline ends with a {@link JobWaitFailures#WAIT_TIMEOUT}
 * (in the workflow-timers mode, a timer of the workflow's ends a poll still being retried then). A
 * failure ends the wait with the activity's {@link io.temporal.failure.ActivityFailure}, which fails
 * the workflow unless caught.
 */
public final class SfsTurboJobs {
  /** The poll activity's type: the interface's prefix and method. */
  private static final String POLL_ACTIVITY = "SfsTurboPollJob";

  /** How long after the wait's deadline the workflow-timers mode's backstop fires: the last poll's time to report. */
  static final Duration DEADLINE_GRACE = Duration.ofSeconds(30);
  private final Options options;
  private final SfsTurboJobActivities heartbeating;
  private final SfsTurboJobActivities polling;

  private SfsTurboJobs(Options options) {
    this.options = options;
    WaitOptions wait = options.waitOptions;
    // No retry limit: the wait's own deadline ends it, as a non-retryable timeout.
    RetryOptions retry = RetryOptions.newBuilder().setInitialInterval(options.retryInitialInterval)
        .setBackoffCoefficient(2.0).setMaximumInterval(Duration.ofMinutes(1))
        .setDoNotRetry(JobWaitFailures.JOB_FAILED, JobWaitFailures.WAIT_TIMEOUT, JobWaitFailures.UNEXPECTED_STATUS,
            JobWaitFailures.INVALID_CHECKPOINT, JobWaitFailures.API_ERROR).build();
    ActivityOptions.Builder whole = ActivityOptions.newBuilder()
        .setScheduleToCloseTimeout(wait.timeout().plus(options.margin))
        .setHeartbeatTimeout(options.heartbeatTimeout != null ? options.heartbeatTimeout
            : wait.maxInterval().plus(Duration.ofMinutes(1)))
        .setRetryOptions(retry);
    ActivityOptions.Builder single = ActivityOptions.newBuilder()
        // One poll: one attempt of at most the client's attempt timeout, plus room for a slow worker.
        .setStartToCloseTimeout(options.pollTimeout)
        .setRetryOptions(retry);
    if (options.taskQueue != null) {
      whole.setTaskQueue(options.taskQueue);
      single.setTaskQueue(options.taskQueue);
    }
    this.heartbeating = Workflow.newActivityStub(SfsTurboJobActivities.class, whole.build());
    this.polling = Workflow.newActivityStub(SfsTurboJobActivities.class, single.build());
  }

  /**
   * Returns the helper; call from workflow code (a field initializer or the workflow method).
   *
   * @param options how to wait
   * @return the helper
   */
  public static SfsTurboJobs create(Options options) {
    return new SfsTurboJobs(Objects.requireNonNull(options, "options"));
  }

  /**
   * Waits until the job ends, in the options' mode.
   *
   * @param jobId the job id
   * @return the job's successful end
   * @throws io.temporal.failure.ActivityFailure when the job failed, the deadline passed or polling
   *     failed for good; {@link JobWaitFailures} reads it
   */
  public JobWaitResult waitFor(String jobId) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    WaitCheckpoint start = WaitCheckpoint.start(jobId, options.waitOptions, now);
    if (options.mode == Mode.HEARTBEAT) {
      return heartbeating.waitForJob(start.toText());
    }
    return pollUntilDone(start);
  }

  /**
   * The workflow-timers mode: a poll activity whenever the last checkpoint says, the workflow's timers
   * between them, and the wait's deadline as a timer of its own. A poll counts as made at its
   * checkpoint's time however late it runs, so its retries (polls that keep failing, no worker on the
   * queue) cannot see the deadline: the timer ends them.
   */
  private JobWaitResult pollUntilDone(WaitCheckpoint start) {
    List<Promise<Void>> timer = new ArrayList<>(1);
    // The timer is a backstop, a little after the deadline: a poll that runs enforces the deadline itself (one past
    // its last start ends as WAIT_TIMEOUT), and one started just before it must be able to report what it saw.
    CancellationScope deadlineScope = Workflow.newCancellationScope(
        () -> timer.add(Workflow.newTimer(options.waitOptions.timeout().plus(DEADLINE_GRACE))));
    deadlineScope.run();
    Promise<Void> deadline = timer.get(0);
    try {
      String text = start.toText();
      WaitCheckpoint checkpoint = start;
      while (true) {
        JobPollResult poll = pollBefore(deadline, text, checkpoint);
        if (poll.isDone()) {
          return poll.result();
        }
        text = poll.checkpoint();
        checkpoint = readable(text, checkpoint);
        // Never past the deadline: a poll's next time leaves room for a last poll before it.
        long delay = poll.nextPollAtMillis() - Workflow.currentTimeMillis();
        if (delay > 0) {
          Workflow.sleep(Duration.ofMillis(delay));
        }
        if (deadline.isCompleted()) {   // this workflow ran late (no workflow worker for a while)
          throw timeout(checkpoint, null);
        }
      }
    } finally {
      deadlineScope.cancel();   // no timer left behind in a workflow that goes on
    }
  }

  /**
   * The checkpoint a poll returned, for the timeout's details only; one this code cannot read (written by a newer
   * worker during an upgrade) must not fail the workflow task over and over: the last readable one serves.
   */
  private static WaitCheckpoint readable(String text, WaitCheckpoint last) {
    try {
      return WaitCheckpoint.parse(text);
    } catch (RuntimeException unreadable) {
      return last;
    }
  }

  private JobPollResult pollBefore(Promise<Void> deadline, String text, WaitCheckpoint checkpoint) {
    List<Promise<JobPollResult>> result = new ArrayList<>(1);
    CancellationScope pollScope = Workflow.newCancellationScope(
        () -> result.add(Async.function(polling::pollJob, text)));
    pollScope.run();
    Promise<JobPollResult> poll = result.get(0);
    Promise.anyOf(poll, deadline).get();   // the poll's failure, or a cancellation of the workflow, is thrown here
    if (poll.isCompleted()) {
      return poll.get();
    }
    pollScope.cancel();
    ActivityFailure cancelled = null;
    try {
      poll.get();
    } catch (ActivityFailure e) {
      cancelled = e;
    }
    throw timeout(checkpoint, cancelled);
  }

  /**
   * The failure the heartbeat mode's activity ends with at the deadline: a non-retryable
   * {@link JobWaitFailures#WAIT_TIMEOUT} whose details are a {@link WaitTimeout} (counting the polls
   * whose checkpoint the workflow has), in an {@link ActivityFailure} as any failed wait.
   */
  private ActivityFailure timeout(WaitCheckpoint last, ActivityFailure cancelledPoll) {
    Duration elapsed = Duration.ofMillis(Workflow.currentTimeMillis() - last.startedAt().toEpochMilli());
    String status = last.lastStatus() == null ? "unknown (no successful poll)" : SafeText.forMessage(last.lastStatus());
    String message = "gave up waiting for job '" + last.jobId() + "' at its "
        + DurationText.format(options.waitOptions.timeout()) + " deadline after " + last.polls() + " polls in "
        + DurationText.format(elapsed) + "; last status " + status + "; the job may still be running";
    ApplicationFailure cause = ApplicationFailure.newNonRetryableFailure(message, JobWaitFailures.WAIT_TIMEOUT,
        new WaitTimeout(last.jobId(), last.lastStatus() == null ? null : SafeText.forMessage(last.lastStatus()),
            last.polls(), elapsed.toMillis()));
    if (cancelledPoll == null) {
      // Temporal cannot serialize a null activity id or identity: such a failure leaving the workflow would fail
      // every workflow task instead of failing the workflow.
      return new ActivityFailure(message, 0, -1, POLL_ACTIVITY, "", RetryState.RETRY_STATE_TIMEOUT, "", cause);
    }
    return new ActivityFailure(message, cancelledPoll.getScheduledEventId(), cancelledPoll.getStartedEventId(),
        cancelledPoll.getActivityType(), cancelledPoll.getActivityId(), RetryState.RETRY_STATE_TIMEOUT,
        cancelledPoll.getIdentity(), cause);
  }

  /** Where the schedule between polls lives; see {@link SfsTurboJobActivities} for which to use when. */
  public enum Mode {
    /** One heartbeating activity for the whole wait, asynchronously completed. */
    HEARTBEAT,
    /** One activity per poll, the workflow's timers between them. */
    WORKFLOW_TIMERS
  }

  /** How {@link SfsTurboJobs} waits: an immutable value with a builder. */
  public static final class Options {
    private final WaitOptions waitOptions;
    private final Mode mode;
    private final String taskQueue;
    private final Duration heartbeatTimeout;
    private final Duration retryInitialInterval;
    private final Duration pollTimeout;
    private final Duration margin;

    private Options(Builder b) {
      this.waitOptions = b.waitOptions;
      this.mode = b.mode;
      this.taskQueue = b.taskQueue;
      this.heartbeatTimeout = b.heartbeatTimeout;
      this.retryInitialInterval = b.retryInitialInterval;
      this.pollTimeout = b.pollTimeout;
      this.margin = b.margin;
    }

    /** Returns the defaults: {@link WaitOptions#defaults()}, heartbeat mode, the workflow's task queue. */
    public static Options defaults() {
      return builder().build();
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
      return new Builder();
    }

    /** Returns the wait's options (its listener is not used: progress is heard on the worker). */
    public WaitOptions waitOptions() {
      return waitOptions;
    }

    /** Returns the mode. */
    public Mode mode() {
      return mode;
    }

    /** Returns the activities' task queue, or null for the workflow's. */
    public String taskQueue() {
      return taskQueue;
    }

    /** Returns the heartbeat timeout, or null for the wait's largest interval plus one minute. */
    public Duration heartbeatTimeout() {
      return heartbeatTimeout;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Options)) {
        return false;
      }
      Options p = (Options) o;
      return waitOptions.equals(p.waitOptions) && mode == p.mode && Objects.equals(taskQueue, p.taskQueue)
          && Objects.equals(heartbeatTimeout, p.heartbeatTimeout) && retryInitialInterval.equals(p.retryInitialInterval)
          && pollTimeout.equals(p.pollTimeout) && margin.equals(p.margin);
    }

    @Override
    public int hashCode() {
      return Objects.hash(waitOptions, mode, taskQueue, heartbeatTimeout, retryInitialInterval, pollTimeout, margin);
    }

    @Override
    public String toString() {
      return "SfsTurboJobs.Options{mode=" + mode + ", taskQueue=" + taskQueue + ", heartbeatTimeout="
          + heartbeatTimeout + ", waitOptions=" + waitOptions + '}';
    }

    /** Builds {@link Options}. */
    public static final class Builder {
      private WaitOptions waitOptions = WaitOptions.defaults();
      private Mode mode = Mode.HEARTBEAT;
      private String taskQueue;
      private Duration heartbeatTimeout;
      private Duration retryInitialInterval = Duration.ofSeconds(1);
      private Duration pollTimeout = Duration.ofMinutes(1);
      private Duration margin = Duration.ofMinutes(2);

      private Builder() {}

      /**
       * Sets how to poll: intervals, backoff, deadline ({@code timeout}), tolerance of errors.
       *
       * @param waitOptions the options
       * @return this builder
       */
      public Builder waitOptions(WaitOptions waitOptions) {
        this.waitOptions = Objects.requireNonNull(waitOptions, "waitOptions");
        return this;
      }

      /**
       * Sets the mode.
       *
       * @param mode heartbeat (default) or workflow timers
       * @return this builder
       */
      public Builder mode(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        return this;
      }

      /**
       * Sets the task queue of the workers that run the activities.
       *
       * @param taskQueue the queue; default the workflow's
       * @return this builder
       */
      public Builder taskQueue(String taskQueue) {
        this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
        return this;
      }

      /**
       * Sets the heartbeat timeout of the heartbeat mode: how soon a crashed worker's wait moves to
       * another. It must exceed the longest gap between polls (the wait's {@code maxInterval}, a
       * server's {@code Retry-After}, plus one poll's attempt timeout).
       *
       * @param timeout positive
       * @return this builder
       */
      public Builder heartbeatTimeout(Duration timeout) {
        this.heartbeatTimeout = positive("heartbeatTimeout", timeout);
        return this;
      }

      /**
       * Sets the delay before an activity's first retry (then doubling, up to a minute).
       *
       * @param interval positive; default 1 s
       * @return this builder
       */
      public Builder retryInitialInterval(Duration interval) {
        this.retryInitialInterval = positive("retryInitialInterval", interval);
        return this;
      }

      /**
       * Sets the start-to-close timeout of one poll in the workflow-timers mode.
       *
       * @param timeout positive; default 1 min
       * @return this builder
       */
      public Builder pollTimeout(Duration timeout) {
        this.pollTimeout = positive("pollTimeout", timeout);
        return this;
      }

      private static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
      }

      /**
       * Builds the options.
       *
       * @return the options
       */
      public Options build() {
        return new Options(this);
      }
    }
  }
}
