// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.text.SafeText;
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

  /** The most failed sub-jobs the message lists; {@link #failedSubJobs()} has them all. */
  private static final int SUB_JOBS_IN_MESSAGE = 5;

  // Every field is server text: escaped and capped (SafeText), so that the message can go to a
  // terminal or a log line as it is, and stays short whatever the job holds.
  private static String describe(JobDetail job) {
    StringBuilder sb = new StringBuilder("job '").append(text(job.jobId())).append("' (").append(text(job.jobType()))
        .append(") failed");
    if (job.errorCode() != null) {
      sb.append(" with ").append(text(job.errorCode()));
    }
    if (job.failReason() != null) {
      sb.append(": ").append(text(job.failReason()));
    }
    List<SubJobDetail> failed = job.failedSubJobs();
    if (!failed.isEmpty()) {
      sb.append("; failed sub-jobs:");
      for (SubJobDetail s : failed.subList(0, Math.min(failed.size(), SUB_JOBS_IN_MESSAGE))) {
        sb.append(' ').append(text(s.jobId())).append(" (").append(text(s.jobType())).append(", ")
            .append(text(s.errorCode())).append(": ").append(text(s.failReason())).append(')');
      }
      if (failed.size() > SUB_JOBS_IN_MESSAGE) {
        sb.append(" and ").append(failed.size() - SUB_JOBS_IN_MESSAGE).append(" more");
      }
    }
    return sb.append(" [request id ").append(text(job.requestId())).append(']').toString();
  }

  private static String text(String serverText) {
    return SafeText.forMessage(serverText);
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
