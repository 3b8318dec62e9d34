// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A workflow that waits for one job and says how it ended, as a line of text the tests compare. */
@WorkflowInterface
public interface WaitWorkflow {
  /**
   * Waits.
   *
   * @param jobId the job
   * @param spec the mode and timing: see {@link WaitWorkflowImpl}
   * @return "success polls=N elapsed=MS", "failed CODE [SUB:CODE...]", "timeout polls=N", "cancelled" or
   *     "error TYPE"
   */
  @WorkflowMethod
  String waitFor(String jobId, Spec spec);

  /** The helper's settings, as the test passes them. */
  final class Spec {
    public String mode;
    public long pollMillis;
    public long maxIntervalMillis;
    public long timeoutMillis;
    public long heartbeatTimeoutMillis;
    public String activityQueue;
    /** Whether the workflow lets the wait's failure leave it (fail the workflow) instead of describing it. */
    public boolean uncaught;

    public Spec() {}

    static Spec of(SfsTurboJobs.Mode mode, long pollMillis, long maxIntervalMillis, long timeoutMillis) {
      Spec s = new Spec();
      s.mode = mode.name();
      s.pollMillis = pollMillis;
      s.maxIntervalMillis = maxIntervalMillis;
      s.timeoutMillis = timeoutMillis;
      return s;
    }
  }
}
