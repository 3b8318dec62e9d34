// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal.snippets;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.temporal.JobWaitResult;
import io.sfsturbo.jobs.temporal.SfsTurboJobActivitiesImpl;
import io.sfsturbo.jobs.temporal.SfsTurboJobs;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/** The snippets of docs/temporal.md and the temporal module's Javadoc examples. */
final class TemporalSnippets {
  private TemporalSnippets() {}

  // BEGIN: temporal.worker
  static WorkerFactory startWorker(String projectId) {
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("temporal.example.internal:7233")       // Temporal Cloud: its host:port with mTLS or an API key
        .build());
    WorkflowClient temporal = WorkflowClient.newInstance(service,
        WorkflowClientOptions.newBuilder().setNamespace("storage-ops").build());
    WorkerFactory factory = WorkerFactory.newInstance(temporal);

    // Credentials from the environment (HUAWEICLOUD_SDK_AK and _SK, or the credentials profile).
    SfsTurboJobsClient sfs = SfsTurboJobsClient.builder().region("eu-de").projectId(projectId).build();
    SfsTurboJobActivitiesImpl activities = SfsTurboJobActivitiesImpl.builder(sfs).build();

    Worker worker = factory.newWorker("sfsturbo-jobs", WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(5_000)      // a waiting activity holds a slot, not a thread
        .build());
    worker.registerActivitiesImplementations(activities);
    worker.registerWorkflowImplementationTypes(ExpandWorkflowImpl.class);
    factory.start();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      factory.shutdown();    // takes no new tasks
      sfs.close();           // running waits end as SfsTurboWorkerStopping: another worker resumes them
      activities.close();
    }));
    return factory;
  }
  // END: temporal.worker

  // BEGIN: temporal.options
  static SfsTurboJobs forWaitsOfDays() {   // workflow code, like SfsTurboJobs.create itself
    return SfsTurboJobs.create(SfsTurboJobs.Options.builder()
        .mode(SfsTurboJobs.Mode.WORKFLOW_TIMERS)           // one short activity per poll, timers between
        .waitOptions(WaitOptions.builder()
            .maxInterval(Duration.ofMinutes(5))            // fewer polls: fewer history events
            .timeout(Duration.ofDays(3))
            .build())
        .build());
  }
  // END: temporal.options

  static JobWaitResult javadocWorkflow(String jobId) {
    // BEGIN: javadoc.temporal-workflow
    SfsTurboJobs jobs = SfsTurboJobs.create(SfsTurboJobs.Options.defaults());
    JobWaitResult done = jobs.waitFor(jobId);   // in workflow code
    // END: javadoc.temporal-workflow
    return done;
  }

  static SfsTurboJobActivitiesImpl javadocActivities(SfsTurboJobsClient client, Worker worker) {
    // BEGIN: javadoc.temporal-activities
    SfsTurboJobActivitiesImpl activities = SfsTurboJobActivitiesImpl.builder(client).build();
    worker.registerActivitiesImplementations(activities);
    // END: javadoc.temporal-activities
    return activities;
  }
}
