// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal.snippets;

// BEGIN: temporal.workflow
import io.sfsturbo.jobs.temporal.JobFailure;
import io.sfsturbo.jobs.temporal.JobWaitFailures;
import io.sfsturbo.jobs.temporal.JobWaitResult;
import io.sfsturbo.jobs.temporal.SfsTurboJobs;
import io.temporal.failure.ActivityFailure;
import java.util.Optional;

public class ExpandWorkflowImpl implements ExpandWorkflow {
  private final SfsTurboJobs jobs = SfsTurboJobs.create(SfsTurboJobs.Options.defaults());

  @Override
  public String expand(String jobId) {        // the id an earlier activity got from the expand call
    try {
      JobWaitResult done = jobs.waitFor(jobId);   // durable: survives restarts, moves between workers
      return "expanded: " + done.status() + ", " + done.polls() + " poll(s)";
    } catch (ActivityFailure e) {
      Optional<JobFailure> failed = JobWaitFailures.jobFailure(e);
      if (failed.isPresent()) {                   // the job ended 'failed'
        return "failed: " + failed.get().errorCode() + " " + failed.get().failReason();
      }
      if (JobWaitFailures.isWaitTimeout(e)) {     // the deadline passed; the job may still be running
        return "still running at the deadline";
      }
      throw e;                                    // anything else fails the workflow
    }
  }
}
// END: temporal.workflow
