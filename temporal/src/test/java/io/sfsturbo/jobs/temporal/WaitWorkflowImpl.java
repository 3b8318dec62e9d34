// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import io.sfsturbo.jobs.waiter.WaitOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import java.time.Duration;
import java.util.Optional;

/** The one-line use of {@link SfsTurboJobs}, with failures turned into text for the tests. */
public class WaitWorkflowImpl implements WaitWorkflow {
  @Override
  public String waitFor(String jobId, Spec spec) {
    SfsTurboJobs.Options.Builder options = SfsTurboJobs.Options.builder()
        .mode(SfsTurboJobs.Mode.valueOf(spec.mode))
        .retryInitialInterval(Duration.ofMillis(100))
        .waitOptions(WaitOptions.builder().pollInterval(Duration.ofMillis(spec.pollMillis))
            .maxInterval(Duration.ofMillis(spec.maxIntervalMillis)).jitter(0)
            .timeout(Duration.ofMillis(spec.timeoutMillis)).build());
    if (spec.heartbeatTimeoutMillis > 0) {
      options.heartbeatTimeout(Duration.ofMillis(spec.heartbeatTimeoutMillis));
    }
    if (spec.activityQueue != null) {
      options.taskQueue(spec.activityQueue);
    }
    SfsTurboJobs jobs = SfsTurboJobs.create(options.build());
    try {
      JobWaitResult r = jobs.waitFor(jobId);
      return r.status() + " polls=" + r.polls() + " elapsed=" + r.elapsedMillis();
    } catch (ActivityFailure e) {
      if (spec.uncaught) {
        throw e;
      }
      if (e.getCause() instanceof CanceledFailure) {
        return "cancelled";
      }
      Optional<JobFailure> failed = JobWaitFailures.jobFailure(e);
      if (failed.isPresent()) {
        StringBuilder sb = new StringBuilder("failed ").append(failed.get().errorCode());
        for (JobFailure sub : failed.get().failedSubJobs()) {
          sb.append(' ').append(sub.jobId()).append(':').append(sub.errorCode());
        }
        return sb.toString();
      }
      Optional<WaitTimeout> timeout = JobWaitFailures.waitTimeout(e);
      if (timeout.isPresent()) {
        return "timeout polls=" + timeout.get().polls() + " elapsed=" + timeout.get().elapsedMillis();
      }
      return "error " + JobWaitFailures.type(e).orElse("?");
    }
  }
}
