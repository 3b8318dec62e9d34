// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;

/**
 * A workflow that cancels its wait's activity on a signal and goes on until the activity has
 * reported its cancellation ({@link ActivityCancellationType#WAIT_CANCELLATION_COMPLETED}).
 */
@WorkflowInterface
public interface CancelWaitWorkflow {
  /**
   * Waits, in the heartbeat mode, until the job ends or the wait is cancelled.
   *
   * @param jobId the job
   * @param pollMillis the poll interval
   * @return "success", "cancelled" (the activity reported its cancellation) or "error TYPE"
   */
  @WorkflowMethod
  String waitFor(String jobId, long pollMillis);

  /** Cancels the wait's activity. */
  @SignalMethod
  void cancelWait();

  /** The implementation. */
  class Impl implements CancelWaitWorkflow {
    private final CancellationScope[] scope = new CancellationScope[1];

    @Override
    public String waitFor(String jobId, long pollMillis) {
      WaitOptions options = WaitOptions.builder().pollInterval(Duration.ofMillis(pollMillis))
          .maxInterval(Duration.ofMillis(pollMillis)).jitter(0).timeout(Duration.ofMinutes(10)).build();
      SfsTurboJobActivities activities = Workflow.newActivityStub(SfsTurboJobActivities.class,
          ActivityOptions.newBuilder().setScheduleToCloseTimeout(Duration.ofMinutes(10))
              .setHeartbeatTimeout(Duration.ofMinutes(1))
              .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED).build());
      String checkpoint = WaitCheckpoint.start(jobId, options, Instant.ofEpochMilli(Workflow.currentTimeMillis()))
          .toText();
      java.util.concurrent.atomic.AtomicReference<Promise<JobWaitResult>> result =
          new java.util.concurrent.atomic.AtomicReference<>();
      scope[0] = Workflow.newCancellationScope(() -> result.set(Async.function(activities::waitForJob, checkpoint)));
      scope[0].run();
      try {
        result.get().get();
        return "success";
      } catch (ActivityFailure e) {
        return e.getCause() instanceof CanceledFailure ? "cancelled"
            : "error " + JobWaitFailures.type(e).orElse("?");
      }
    }

    @Override
    public void cancelWait() {
      scope[0].cancel();
    }
  }
}
