// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.temporal.SfsTurboJobActivitiesImpl;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The documentation's workflow, in-process Temporal against the emulator: it reports what the docs say. */
@Timeout(60)
class TemporalSnippetsTest {
  static final String QUEUE = "sfsturbo-jobs";
  TestWorkflowEnvironment env;
  SfsTurboEmulator emulator;
  SfsTurboJobsClient client;
  SfsTurboJobActivitiesImpl activities;

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().build().start();
    client = emulator.newClient();
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(ExpandWorkflowImpl.class);
    activities = TemporalSnippets.javadocActivities(client, worker);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    activities.close();
    client.close();
    emulator.close();
  }

  private String run(String jobId) {
    return env.getWorkflowClient().newWorkflowStub(ExpandWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("expand-" + jobId).build()).expand(jobId);
  }

  @Test
  void theWorkflowReportsSuccessAndFailure() {
    emulator.addJob(JobScript.builder("job-ok").succeeds().build());
    emulator.addJob(JobScript.builder("job-bad").fails("SFS.TURBO.0038", "disk full").build());
    assertEquals("expanded: success, 1 poll(s)", run("job-ok"));
    assertEquals("failed: SFS.TURBO.0038 disk full", run("job-bad"));
  }
}
