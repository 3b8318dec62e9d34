// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.RecordedCall;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker is stopped mid-wait and another continues from the last heartbeat: the poll count goes
 * on, and no poll comes before the schedule says. Workflows run on their own worker; the
 * activities on workers that come and go, as in a fleet.
 */
@Timeout(60)
class ResumeOnAnotherWorkerTest {
  static final String WORKFLOWS = "sfsturbo-workflows";
  static final String ACTIVITIES = "sfsturbo-activities";

  TestWorkflowEnvironment env;
  SfsTurboEmulator emulator;
  final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().build().start();
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    env.newWorker(WORKFLOWS).registerWorkflowImplementationTypes(WaitWorkflowImpl.class);
    env.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    env.close();
    emulator.close();
  }

  /** An activity worker: its own factory, client, scheduler; what a process of the fleet has. */
  final class ActivityWorker {
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final SfsTurboJobsClient client = emulator.clientBuilder().timeSource(io.sfsturbo.jobs.time.TimeSource.system(scheduler)).build();
    final List<WaitCheckpoint> heartbeated = new CopyOnWriteArrayList<>();
    /** Stops the worker's timers after a poll, as a crash would; released only by the scheduler's shutdown. */
    final PollHold stop;
    final SfsTurboJobActivitiesImpl activities;
    final WorkerFactory factory = WorkerFactory.newInstance(env.getWorkflowClient());

    /** @param stopAt the poll after which this worker's scheduler times nothing; 0 for never */
    ActivityWorker(int stopAt) {
      stop = new PollHold(scheduler, stopAt);
      activities = SfsTurboJobActivitiesImpl.builder(client).listener(new JobProgressListener() {
        @Override
        public void onCheckpoint(WaitCheckpoint c) {
          heartbeated.add(c);
          stop.onCheckpoint(c);
        }
      }).build();
      Worker w = factory.newWorker(ACTIVITIES);
      w.registerActivitiesImplementations(activities);
      factory.start();
      toClose.add(() -> {
        factory.shutdownNow();
        activities.close();
        client.close();
        scheduler.shutdownNow();
      });
    }

  }

  CompletableFuture<String> startWait(String jobId, long pollMillis, long heartbeatTimeoutMillis) {
    WaitWorkflow wf = env.getWorkflowClient().newWorkflowStub(WaitWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(WORKFLOWS).setWorkflowId("wait-" + jobId).build());
    WaitWorkflow.Spec spec = WaitWorkflow.Spec.of(SfsTurboJobs.Mode.HEARTBEAT, pollMillis, pollMillis, 120_000);
    spec.activityQueue = ACTIVITIES;
    spec.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
    WorkflowClient.start(wf::waitFor, jobId, spec);
    return WorkflowStub.fromTyped(wf).getResultAsync(String.class);
  }

  @Test
  void aCrashedWorkersWaitMovesToAnotherAfterTheHeartbeatTimeoutWithItsPollCount() throws Exception {
    emulator.addJob(JobScript.builder("crash").status("running", 6).succeeds().build());
    ActivityWorker first = new ActivityWorker(3);
    CompletableFuture<String> result = startWait("crash", 1000, 2500);
    first.stop.awaitHeld();
    ServerView.awaitHeartbeat(env, "wait-crash", 3);
    // The crash: its timers are dead (the wait neither polls nor completes), and the worker stops taking tasks.
    first.factory.shutdownNow();
    int pollsBefore = emulator.journal("crash").size();
    assertEquals(3, pollsBefore);

    ActivityWorker second = new ActivityWorker(0);
    String got = result.get(30, TimeUnit.SECONDS);

    assertTrue(got.startsWith("success polls=7 "), got);
    assertEquals(7, emulator.journal("crash").size(), "no poll was repeated");
    assertEquals(pollsBefore + 1, second.heartbeated.get(0).polls(),
        "the second worker's first poll follows the first worker's last");
  }

  @Test
  void aStoppingWorkerHandsItsWaitOverAtOnceAndTheNextPollKeepsItsTime() throws Exception {
    emulator.addJob(JobScript.builder("handover").status("running", 4).succeeds().build());
    ActivityWorker first = new ActivityWorker(2);
    CompletableFuture<String> result = startWait("handover", 2000, 10_000);
    first.stop.awaitHeld();
    ServerView.awaitHeartbeat(env, "wait-handover", 2);
    ActivityWorker second = new ActivityWorker(0);
    // A graceful stop: the worker takes no more tasks, its client ends the running wait (a retryable
    // failure), and the retry goes to the other worker, which waits until the next poll is due.
    first.factory.shutdownNow();
    first.client.close();
    WaitCheckpoint last = first.heartbeated.get(first.heartbeated.size() - 1);
    int pollsBefore = last.polls();

    String got = result.get(30, TimeUnit.SECONDS);

    assertTrue(got.startsWith("success polls=5 "), got);
    List<RecordedCall> polls = emulator.journal("handover");
    assertEquals(5, polls.size(), "no poll was repeated");
    Duration gap = Duration.between(polls.get(pollsBefore - 1).receivedAt(), polls.get(pollsBefore).receivedAt());
    assertTrue(gap.compareTo(last.nextDelay().minusMillis(50)) >= 0,
        "the resumed wait polled after " + gap + ", not before its schedule's " + last.nextDelay());
    assertEquals(pollsBefore + 1, second.heartbeated.get(0).polls());
  }
}
