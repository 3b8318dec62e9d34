// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How many waits one worker holds at once, and with how many threads: a measurement, not a timed
 * assertion. Run it on purpose:
 *
 * <pre>
 * mvn -B -o verify -pl temporal -am -Dtest=WorkerCapacityMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsfsturbo.measure=true [-Dsfsturbo.measure.waits=2000] [-Dsfsturbo.measure.polls=30]
 * </pre>
 *
 * <p>It prints one line (also written to {@code temporal/target/capacity.txt}). Every wait polls a
 * job of the emulator once a second (ten times unless told), in the heartbeat mode; the Temporal test server,
 * the emulator and the worker share the JVM, so the JVM's thread count includes theirs (the line
 * gives the baseline before the waits, and the worker's activity threads alone).
 */
@EnabledIfSystemProperty(named = "sfsturbo.measure", matches = "true")
class WorkerCapacityMeasurement {
  static final String QUEUE = "sfsturbo-capacity";

  /** The thread's owner, from its name: the activity worker's side apart from the test server's and the workflows'. */
  static String kind(Thread t) {
    String n = t.getName();
    String[][] kinds = {{"Activity Executor", "activity-executor"}, {"Activity Poller", "activity-poller"},
        {"sfsturbo-", "sdk"}, {"OkHttp", "okhttp"}, {"Okio", "okhttp"}, {"Workflow Executor", "workflow-executor"},
        {"Workflow Poller", "workflow-poller"}, {"workflow-method", "workflow-cached"},
        {"workflow-thread", "workflow-cached"}, {"workflow-root", "workflow-cached"}, {"grpc-", "grpc"},
        {"MockWebServer", "emulator"}};
    for (String[] k : kinds) {
      if (n.startsWith(k[0])) {
        return k[1];
      }
    }
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("io.temporal.internal.testservice")) {
        return "test-server";
      }
    }
    return n.startsWith("pool-") ? "pool-other" : "jvm-other";
  }

  @Test
  void measure() throws Exception {
    int waits = Integer.getInteger("sfsturbo.measure.waits", 2000);
    int pollsEach = Integer.getInteger("sfsturbo.measure.polls", 10);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().build().start();
        SfsTurboJobsClient client = emulator.newClient();
        SfsTurboJobActivitiesImpl activities = SfsTurboJobActivitiesImpl.builder(client).build()) {
      TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
      Worker worker = env.newWorker(QUEUE, WorkerOptions.newBuilder()
          .setMaxConcurrentActivityExecutionSize(waits + 100).build());
      worker.registerWorkflowImplementationTypes(WaitWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities);
      env.start();
      for (int i = 0; i < waits; i++) {
        emulator.addJob(JobScript.builder("job-" + i).status("running", pollsEach - 1).succeeds().build());
      }
      System.gc();
      int baseline = threads.getThreadCount();
      long start = System.nanoTime();
      WorkflowClient wc = env.getWorkflowClient();
      List<CompletableFuture<String>> results = new ArrayList<>();
      for (int i = 0; i < waits; i++) {
        WaitWorkflow wf = wc.newWorkflowStub(WaitWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("cap-" + i).build());
        WorkflowClient.start(wf::waitFor, "job-" + i,
            WaitWorkflow.Spec.of(SfsTurboJobs.Mode.HEARTBEAT, 1000, 1000, 600_000));
        results.add(WorkflowStub.fromTyped(wf).getResultAsync(String.class));
      }
      int peakConcurrent = 0;
      int peakThreads = 0;
      int peakActivityThreads = 0;
      java.util.Map<String, Integer> peakKinds = null;
      long peakHeap = 0;
      CompletableFuture<Void> all = CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0]));
      while (!all.isDone()) {
        int concurrent = 0;
        for (int i = 0; i < waits; i++) {
          int served = emulator.pollsServed("job-" + i);
          if (served > 0 && served < pollsEach) {
            concurrent++;
          }
        }
        peakConcurrent = Math.max(peakConcurrent, concurrent);
        int activityThreads = 0;
        java.util.Map<String, Integer> byKind = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
          if (t.getName().startsWith("Activity Executor")) {
            activityThreads++;
          }
          byKind.merge(kind(t), 1, Integer::sum);
        }
        if (threads.getThreadCount() > peakThreads) {
          peakThreads = threads.getThreadCount();
          peakKinds = byKind;
        }
        peakActivityThreads = Math.max(peakActivityThreads, activityThreads);
        Runtime rt = Runtime.getRuntime();
        peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
        Thread.sleep(200);
      }
      long completed = results.stream().filter(f -> f.join().startsWith("success polls=" + pollsEach)).count();
      String line = String.format("capacity: waits=%d completed=%d peak_concurrent_waits=%d jvm_threads_baseline=%d"
          + " jvm_threads_peak=%d activity_executor_threads_peak=%d peak_heap_mb=%d seconds=%.1f", waits, completed,
          peakConcurrent, baseline, peakThreads, peakActivityThreads, peakHeap >> 20,
          (System.nanoTime() - start) / 1e9);
      System.out.println(line);
      System.out.println("threads at the peak, by name: " + peakKinds);
      Files.write(Path.of("target", "capacity.txt"), (line + "\nthreads at the peak, by name: " + peakKinds + "\n").getBytes(StandardCharsets.UTF_8));
      env.close();
      assertEquals(waits, completed, line);
    }
  }
}
