// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.telemetry.WaitEvent;
import io.sfsturbo.jobs.telemetry.WaitListener;
import io.sfsturbo.jobs.telemetry.WaitOutcome;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A cancelled wait stops polling. In the heartbeat mode the worker hears of the cancellation from the
 * heartbeat after its next poll, and makes no poll after that; in the workflow-timers mode the
 * workflow schedules no poll after it. The heartbeat-mode tests hold the wait after its second poll
 * (its poll scheduler blocked) until the cancellation is at the service, so that exactly one poll follows it.
 */
@Timeout(60)
class CancellationTest {
  static final String QUEUE = "sfsturbo-cancel";
  static final int HOLD_AFTER = 2;

  TestWorkflowEnvironment env;
  SfsTurboEmulator emulator;
  SfsTurboJobsClient client;
  SfsTurboJobActivitiesImpl activities;
  /** Times the waits' polls: once it holds no task, no poll is to come. */
  final ScheduledThreadPoolExecutor pollTimer = new ScheduledThreadPoolExecutor(1);
  final PollHold hold = new PollHold(pollTimer, HOLD_AFTER);
  final CountDownLatch waitEnded = new CountDownLatch(1);
  final AtomicReference<WaitOutcome> outcome = new AtomicReference<>();

  void start(boolean timeSkipping) {
    pollTimer.setRemoveOnCancelPolicy(true);
    emulator = SfsTurboEmulator.builder().build().start();
    emulator.addJob(JobScript.builder("job").neverEnds().build());
    client = emulator.clientBuilder().telemetry(new Telemetry() {
      @Override
      public WaitListener waitStarted(WaitEvent w) {
        return new WaitListener() {
          @Override
          public void waitEnded(WaitEvent e) {
            outcome.set(e.outcome());
            waitEnded.countDown();
          }
        };
      }
    }).build();
    activities = SfsTurboJobActivitiesImpl.builder(client).waiter(client.waiterBuilder().timeSource(io.sfsturbo.jobs.time.TimeSource.system(pollTimer)).build())
        .listener(hold).build();
    env = TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder().setUseTimeskipping(timeSkipping).build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(WaitWorkflowImpl.class, CancelWaitWorkflow.Impl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  @AfterEach
  void stop() {
    hold.release();
    env.close();
    activities.close();
    client.close();
    pollTimer.shutdownNow();
    emulator.close();
  }

  static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build();
  }

  /** Waits for a cancelled workflow to end: cancelled (or "cancelled", when it caught its activity's cancellation). */
  static void awaitCancelled(WorkflowStub workflow) throws Exception {
    try {
      assertEquals("cancelled", workflow.getResultAsync(String.class).get(20, TimeUnit.SECONDS));
    } catch (ExecutionException e) {
      assertTrue(e.getCause() instanceof WorkflowFailedException && e.getCause().getCause() instanceof CanceledFailure,
          e.toString());
    }
  }

  void assertTheWaitEndedAfterOneMorePoll() throws InterruptedException {
    assertTrue(waitEnded.await(20, TimeUnit.SECONDS), "the wait still polls: " + emulator.journal("job").size());
    assertEquals(WaitOutcome.CANCELLED, outcome.get());
    // The wait is done (a timer that still fires polls nothing) and drops its timer right after.
    ServerView.until("the wait's next poll is no longer timed", () -> pollTimer.getQueue().isEmpty());
    // One poll after the cancellation, whose heartbeat hears it; one more at most if that heartbeat's RPC took longer
    // than the 200 ms poll interval on a busy machine. With the timer gone, none can follow.
    int polls = emulator.journal("job").size();
    assertTrue(polls == HOLD_AFTER + 1 || polls == HOLD_AFTER + 2, polls + " polls after holding at " + HOLD_AFTER);
  }

  @Test
  void cancellingTheWorkflowStopsItsHeartbeatWaitAtTheNextHeartbeat() throws Exception {
    start(false);
    WaitWorkflow wf = env.getWorkflowClient().newWorkflowStub(WaitWorkflow.class, options("wait-cancelled"));
    WorkflowClient.start(wf::waitFor, "job", WaitWorkflow.Spec.of(SfsTurboJobs.Mode.HEARTBEAT, 200, 200, 600_000));
    hold.awaitHeld();
    ServerView.awaitHeartbeat(env, "wait-cancelled", HOLD_AFTER);

    WorkflowStub.fromTyped(wf).cancel();
    // The helper's activity is cancelled without waiting for it: the workflow ends, and the activity with it.
    awaitCancelled(WorkflowStub.fromTyped(wf));
    hold.release();   // the next poll's heartbeat finds the activity gone (ActivityNotExistsException)

    assertTheWaitEndedAfterOneMorePoll();
  }

  @Test
  void cancellingTheActivityStopsTheWaitWhichReportsItsCancellation() throws Exception {
    start(false);
    CancelWaitWorkflow wf = env.getWorkflowClient().newWorkflowStub(CancelWaitWorkflow.class,
        options("activity-cancelled"));
    WorkflowClient.start(wf::waitFor, "job", 200L);
    CompletableFuture<String> result = WorkflowStub.fromTyped(wf).getResultAsync(String.class);
    hold.awaitHeld();
    ServerView.awaitHeartbeat(env, "activity-cancelled", HOLD_AFTER);

    wf.cancelWait();
    ServerView.awaitCancelRequested(env, "activity-cancelled");
    hold.release();   // the next poll's heartbeat is answered "cancel requested" (ActivityCanceledException)

    assertTheWaitEndedAfterOneMorePoll();
    assertEquals("cancelled", result.get(20, TimeUnit.SECONDS), "the activity reported its cancellation");
  }

  @Test
  void cancellingAWorkflowTimersWaitSchedulesNoMorePoll() throws Exception {
    start(true);
    WaitWorkflow wf = env.getWorkflowClient().newWorkflowStub(WaitWorkflow.class, options("timers-cancelled"));
    WorkflowClient.start(wf::waitFor, "job", WaitWorkflow.Spec.of(SfsTurboJobs.Mode.WORKFLOW_TIMERS, 60_000, 60_000,
        Duration.ofHours(1).toMillis()));
    env.sleep(Duration.ofMinutes(5).plusSeconds(30));   // skipped time: polls at 0, 1, ... 5 min
    int before = emulator.journal("job").size();
    assertTrue(before >= 5, before + " polls");

    WorkflowStub.fromTyped(wf).cancel();
    awaitCancelled(WorkflowStub.fromTyped(wf));
    int after = emulator.journal("job").size();
    assertTrue(after <= before + 1, before + " polls before the cancellation, " + after + " after");
    env.sleep(Duration.ofHours(2));
    assertEquals(after, emulator.journal("job").size(), "no poll after the workflow ended");
  }
}
