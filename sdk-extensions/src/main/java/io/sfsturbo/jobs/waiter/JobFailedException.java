// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.JobDetail;
import io.sfsturbo.jobs.SubJobDetail;
import io.sfsturbo.jobs.errors.SfsTurboException;
import java.util.List;

/** The waited-for job ended with status {@code failed}. Carries why, and the final detail. */
public class JobFailedException extends SfsTurboException {
  private static final long serialVersionUID = 1L;
  private final transient JobDetail job;

  /**
   * Creates the exception.
   *
   * @param job the job's final detail
   */
  public JobFailedException(JobDetail job) {
    super(describe(job));
    this.job = job;
  }

  private static String describe(JobDetail job) {
    StringBuilder sb = new StringBuilder("job '").append(job.jobId()).append("' (").append(job.jobType())
        .append(") failed");
    if (job.errorCode() != null) {
      sb.append(" with ").append(job.errorCode());
    }
    if (job.failReason() != null) {
      sb.append(": ").append(job.failReason());
    }
    List<SubJobDetail> failed = job.failedSubJobs();
    if (!failed.isEmpty()) {
      sb.append("; failed sub-jobs:");
      for (SubJobDetail s : failed) {
        sb.append(' ').append(s.jobId()).append(" (").append(s.jobType()).append(", ").append(s.errorCode())
            .append(": ").append(s.failReason()).append(')');
      }
    }
    return sb.append(" [request id ").append(job.requestId()).append(']').toString();
  }

  /** Returns the job id. */
  public String jobId() {
    return job.jobId();
  }

  /** Returns the job type. */
  public String jobType() {
    return job.jobType();
  }

  /** Returns the job's error code, or null. */
  public String errorCode() {
    return job.errorCode();
  }

  /** Returns why the job failed, or null. */
  public String failReason() {
    return job.failReason();
  }

  /** Returns the sub-jobs that failed; empty when none. */
  public List<SubJobDetail> failedSubJobs() {
    return job.failedSubJobs();
  }

  /** Returns the job's final detail. */
  public JobDetail job() {
    return job;
  }
}
