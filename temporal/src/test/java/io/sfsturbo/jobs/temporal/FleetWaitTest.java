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
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many workflows at once, in-process Temporal (no server) against the emulator with injected
 * faults: every one ends with its job's true outcome, in both modes.
 */
@Timeout(120)
class FleetWaitTest {
  static final String QUEUE = "sfsturbo-fleet";
  static final int WORKFLOWS = 240;

  TestWorkflowEnvironment env;
  SfsTurboEmulator emulator;
  SfsTurboJobsClient client;
  SfsTurboJobActivitiesImpl activities;

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().build().start();
    client = emulator.newClient();
    activities = SfsTurboJobActivitiesImpl.builder(client).build();
    // Real time: the activities' polls run on the SDK's scheduler, which time skipping does not reach.
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = env.newWorker(QUEUE, WorkerOptions.newBuilder()
        // Async completion holds a slot, not a thread: the slots bound the waits a worker holds.
        .setMaxConcurrentActivityExecutionSize(2 * WORKFLOWS).build());
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

  @Test
  void everyWorkflowEndsWithItsJobsTrueOutcomeDespiteFaults() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < WORKFLOWS; i++) {
      String jobId = "job-" + i;
      JobScript.Builder script = JobScript.builder(jobId).status("running", 1 + i % 4);
      if (i % 3 == 0) {
        script.fails("SFS.TURBO.0038", "disk full").subJob(JobScript.builder("sub-" + i).status("running", 1)
            .fails("SFS.TURBO.0011", "node down"));
        expected.put(jobId, "failed SFS.TURBO.0038 sub-" + i + ":SFS.TURBO.0011");
      } else {
        expected.put(jobId, "success");
      }
      emulator.addJob(script.build());
    }
    emulator.faultRate(0.15, 42, Fault.THROTTLED_NO_RETRY_AFTER, Fault.SERVICE_UNAVAILABLE, Fault.INTERNAL_ERROR,
        Fault.CONNECTION_RESET, Fault.BAD_GATEWAY_HTML, Fault.MALFORMED_JSON);

    WorkflowClient wc = env.getWorkflowClient();
    Map<String, CompletableFuture<String>> results = new LinkedHashMap<>();
    for (String jobId : expected.keySet()) {
      SfsTurboJobs.Mode mode = results.size() % 2 == 0 ? SfsTurboJobs.Mode.HEARTBEAT : SfsTurboJobs.Mode.WORKFLOW_TIMERS;
      WaitWorkflow wf = wc.newWorkflowStub(WaitWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE)
          .setWorkflowId("wait-" + jobId).build());
      WorkflowClient.start(wf::waitFor, jobId, WaitWorkflow.Spec.of(mode, 50, 100, 60_000));
      results.put(jobId, WorkflowStub.fromTyped(wf).getResultAsync(String.class));
    }

    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, CompletableFuture<String>> e : results.entrySet()) {
      String got = e.getValue().get(100, TimeUnit.SECONDS);
      String want = expected.get(e.getKey());
      if (!got.startsWith(want)) {
        wrong.add(e.getKey() + ": " + got + " instead of " + want);
      }
      if (got.startsWith("success")) {
        // Every poll made, the failed ones included, is counted once: the journal is the truth. A reset
        // connection may be tried again inside OkHttp (retryOnConnectionFailure): two requests, one poll.
        int polls = Integer.parseInt(got.replaceAll(".*polls=(\\d+).*", "$1"));
        int made = emulator.journal(e.getKey()).size();
        long resets = emulator.journal(e.getKey()).stream().filter(c -> c.fault() == Fault.CONNECTION_RESET).count();
        if (polls > made || polls < made - resets) {
          wrong.add(e.getKey() + ": " + polls + " polls counted, " + emulator.journal(e.getKey()).size() + " made "
              + emulator.journal(e.getKey()).stream().map(c -> String.valueOf(c.fault())).toList());
        }
      }
    }
    assertEquals(List.of(), wrong);
    long faulted = emulator.journal().stream().filter(c -> c.fault() != null).count();
    assertTrue(faulted > WORKFLOWS / 10, "faults were injected: " + faulted);
  }
}
