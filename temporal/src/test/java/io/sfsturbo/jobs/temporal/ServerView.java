// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.common.converter.GlobalDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** What the Temporal service holds of a wait, read the way an operator's tools read it. */
final class ServerView {
  private ServerView() {}

  /** Waits (at most 20 s) until a condition holds, checking every millisecond. */
  static void until(String what, BooleanSupplier condition) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "not within 20 s: " + what);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  static List<PendingActivityInfo> pendingActivities(TestWorkflowEnvironment env, String workflowId) {
    return env.getWorkflowClient().getWorkflowServiceStubs().blockingStub()
        .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder().setNamespace(env.getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build())
        .getPendingActivitiesList();
  }

  /** Waits until the service has recorded the cancellation of a workflow's pending activity. */
  static void awaitCancelRequested(TestWorkflowEnvironment env, String workflowId) {
    until("the cancellation of " + workflowId + "'s activity", () -> pendingActivities(env, workflowId).stream()
        .anyMatch(a -> a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_CANCEL_REQUESTED));
  }

  /** The polls of the checkpoint last heartbeated by a workflow's pending activity, or -1 when none. */
  static int heartbeatedPolls(TestWorkflowEnvironment env, String workflowId) {
    for (PendingActivityInfo a : pendingActivities(env, workflowId)) {
      if (a.hasHeartbeatDetails()) {
        String text = GlobalDataConverter.get().fromPayloads(0, Optional.of(a.getHeartbeatDetails()), String.class,
            String.class);
        return WaitCheckpoint.parse(text).polls();
      }
    }
    return -1;
  }

  /** Waits until the service holds the heartbeat of a wait's poll. */
  static void awaitHeartbeat(TestWorkflowEnvironment env, String workflowId, int polls) {
    until("the heartbeat of poll " + polls + " of " + workflowId, () -> heartbeatedPolls(env, workflowId) >= polls);
  }
}
