// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Waits that last hours, in seconds: in the workflow-timers mode the schedule lives in the
 * workflow, whose timers the test environment skips.
 */
@Timeout(60)
class HoursLongWaitTest {
  static final String QUEUE = "sfsturbo-long";
  TestWorkflowEnvironment env;
  SfsTurboEmulator emulator;
  SfsTurboJobsClient client;
  SfsTurboJobActivitiesImpl activities;

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().build().start();
    client = emulator.newClient();
    activities = SfsTurboJobActivitiesImpl.builder(client).build();
    env = TestWorkflowEnvironment.newInstance();   // time skipping on
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(WaitWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    activities.close();
    client.close();
    emulator.close();
  }

  String run(String jobId, WaitWorkflow.Spec spec) {
    return env.getWorkflowClient().newWorkflowStub(WaitWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("wait-" + jobId).build()).waitFor(jobId, spec);
  }

  static long elapsed(String got) {
    return Long.parseLong(got.replaceAll(".*elapsed=(\\d+).*", "$1"));
  }

  @Test
  void aSixHourWaitFollowsItsScheduleInWorkflowTime() {
    emulator.addJob(JobScript.builder("long").status("running", 40).succeeds().build());
    long realStart = System.nanoTime();
    long workflowStart = env.currentTimeMillis();
    // 1 min growing x1.5 to 10 min, 12 h deadline: the 41st poll comes after about 6 h.
    String got = run("long", WaitWorkflow.Spec.of(SfsTurboJobs.Mode.WORKFLOW_TIMERS, 60_000, 600_000,
        Duration.ofHours(12).toMillis()));
    assertTrue(got.startsWith("success polls=41 "), got);
    assertEquals(41, emulator.journal("long").size());
    // 1 + 1.5 + 2.25 + 3.375 + 5.0625 + 7.59375 min, then 34 x 10 min.
    long schedule = Duration.ofMinutes(340).plusMillis(1_231_875).toMillis();
    assertTrue(elapsed(got) >= schedule && elapsed(got) < schedule + 60_000, got + " for a schedule of " + schedule);
    assertTrue(env.currentTimeMillis() - workflowStart >= schedule, "workflow time moved by the schedule");
    assertTrue(System.nanoTime() - realStart < Duration.ofSeconds(30).toNanos(), "and real time did not");
  }

  @Test
  void aWaitPastItsDeadlineIsATimeoutAndNotAFailedJob() {
    emulator.addJob(JobScript.builder("stuck").neverEnds().build());
    String got = run("stuck", WaitWorkflow.Spec.of(SfsTurboJobs.Mode.WORKFLOW_TIMERS, 60_000, 1_800_000,
        Duration.ofHours(3).toMillis()));
    assertTrue(got.startsWith("timeout polls="), got);
    int polls = Integer.parseInt(got.replaceAll(".*polls=(\\d+).*", "$1"));
    assertEquals(emulator.journal("stuck").size(), polls);
    assertTrue(elapsed(got) <= Duration.ofHours(3).toMillis() && elapsed(got) >= Duration.ofHours(3).minusMinutes(1)
        .toMillis(), "the last poll just before the 3 h deadline: " + got);
  }

  @Test
  void aTimeoutThatTheWorkflowDoesNotCatchFailsTheWorkflowAsAWaitTimeout() throws Exception {
    emulator.addJob(JobScript.builder("down").neverEnds().build());
    emulator.faultRate(1.0, 11, Fault.INTERNAL_ERROR);   // the polls keep failing: the deadline's timer ends the wait
    WaitWorkflow.Spec spec = WaitWorkflow.Spec.of(SfsTurboJobs.Mode.WORKFLOW_TIMERS, 60_000, 600_000,
        Duration.ofHours(1).toMillis());
    spec.uncaught = true;
    WaitWorkflow wf = env.getWorkflowClient().newWorkflowStub(WaitWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("wait-uncaught").build());
    WorkflowClient.start(wf::waitFor, "down", spec);
    java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
        java.util.concurrent.ExecutionException.class,
        () -> WorkflowStub.fromTyped(wf).getResultAsync(String.class).get(30, TimeUnit.SECONDS));
    // Failed as a workflow, not stuck retrying a workflow task that cannot record the failure.
    io.temporal.client.WorkflowFailedException failed = org.junit.jupiter.api.Assertions.assertInstanceOf(
        io.temporal.client.WorkflowFailedException.class, e.getCause());
    assertTrue(JobWaitFailures.isWaitTimeout(failed.getCause()), String.valueOf(failed.getCause()));
  }

  @Test
  void pollsThatKeepFailingEndAtTheDeadlineAsATimeoutLikeTheHeartbeatMode() throws Exception {
    emulator.addJob(JobScript.builder("outage").neverEnds().build());
    emulator.faultRate(1.0, 7, Fault.INTERNAL_ERROR);   // the service is down for longer than the wait
    long workflowStart = env.currentTimeMillis();
    WaitWorkflow wf = env.getWorkflowClient().newWorkflowStub(WaitWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("wait-outage").build());
    WorkflowClient.start(wf::waitFor, "outage", WaitWorkflow.Spec.of(SfsTurboJobs.Mode.WORKFLOW_TIMERS, 60_000,
        600_000, Duration.ofHours(1).toMillis()));
    // Past its tolerance the poll activity fails, and Temporal retries it with the same checkpoint, whose
    // time does not move: only the workflow's own deadline can end that.
    String got = WorkflowStub.fromTyped(wf).getResultAsync(String.class).get(30, TimeUnit.SECONDS);

    assertTrue(got.startsWith("timeout polls="), got);
    // The deadline's timer is a backstop just after it: a poll started before the deadline may still report.
    assertTrue(elapsed(got) >= Duration.ofHours(1).toMillis() && elapsed(got) < Duration.ofHours(1)
        .plus(SfsTurboJobs.DEADLINE_GRACE).plusSeconds(1).toMillis(), "ended at its deadline, in workflow time: " + got);
    int made = emulator.journal("outage").size();
    assertTrue(made > 10, made + " polls: the tolerated failures and the activity's retries");
    env.sleep(Duration.ofHours(2));
    assertEquals(made, emulator.journal("outage").size(), "no poll after the wait ended");
    assertTrue(env.currentTimeMillis() - workflowStart >= Duration.ofHours(3).toMillis());
  }
}
