// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.waiter.JobFailedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Why a job failed: the details of a {@link JobWaitFailures#JOB_FAILED} failure (read them with
 * {@link JobWaitFailures#jobFailure(Throwable)}). An immutable value; sub-jobs are {@link JobFailure}s too.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class JobFailure {
  /** The most failed sub-jobs a failure carries; the count of all is in the exception's message. */
  public static final int MAX_SUB_JOBS = 100;

  private final String jobId;
  private final String jobType;
  private final String errorCode;
  private final String failReason;
  private final List<JobFailure> failedSubJobs;

  /**
   * Creates the value.
   *
   * @param jobId the job (or sub-job) id
   * @param jobType its type, or null
   * @param errorCode its error code, or null
   * @param failReason why it failed, or null
   * @param failedSubJobs the sub-jobs that failed; null or empty when none
   */
  @JsonCreator
  public JobFailure(@JsonProperty("jobId") String jobId, @JsonProperty("jobType") String jobType,
      @JsonProperty("errorCode") String errorCode, @JsonProperty("failReason") String failReason,
      @JsonProperty("failedSubJobs") List<JobFailure> failedSubJobs) {
    this.jobId = jobId;
    this.jobType = jobType;
    this.errorCode = errorCode;
    this.failReason = failReason;
    this.failedSubJobs = failedSubJobs == null ? Collections.<JobFailure>emptyList()
        : Collections.unmodifiableList(new ArrayList<>(failedSubJobs));
  }

  /**
   * Returns the failure of a failed job.
   *
   * @param e the wait's exception
   * @return the value
   */
  public static JobFailure of(JobFailedException e) {
    // Server text goes into workflow history and its UI: escaped and capped like an exception message, and at
    // most MAX_SUB_JOBS sub-jobs, so that a hostile or huge answer cannot outgrow Temporal's payload limit.
    List<JobFailure> subs = new ArrayList<>();
    for (SubJobDetail s : e.failedSubJobs()) {
      if (subs.size() == MAX_SUB_JOBS) {
        break;
      }
      subs.add(new JobFailure(text(s.jobId()), text(s.jobType()), text(s.errorCode()), text(s.failReason()), null));
    }
    return new JobFailure(e.jobId(), text(e.jobType()), text(e.errorCode()), text(e.failReason()), subs);
  }

  private static String text(String serverText) {
    return serverText == null ? null : SafeText.forMessage(serverText);
  }

  /** Returns the job (or sub-job) id. */
  @JsonProperty("jobId")
  public String jobId() {
    return jobId;
  }

  /** Returns the type, or null. */
  @JsonProperty("jobType")
  public String jobType() {
    return jobType;
  }

  /** Returns the error code ({@code SFS.TURBO.0038}...), or null. */
  @JsonProperty("errorCode")
  public String errorCode() {
    return errorCode;
  }

  /** Returns why it failed, as the service wrote it, or null. */
  @JsonProperty("failReason")
  public String failReason() {
    return failReason;
  }

  /** Returns the sub-jobs that failed; empty when none. */
  @JsonProperty("failedSubJobs")
  public List<JobFailure> failedSubJobs() {
    return failedSubJobs;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JobFailure)) {
      return false;
    }
    JobFailure f = (JobFailure) o;
    return Objects.equals(jobId, f.jobId) && Objects.equals(jobType, f.jobType)
        && Objects.equals(errorCode, f.errorCode) && Objects.equals(failReason, f.failReason)
        && failedSubJobs.equals(f.failedSubJobs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, jobType, errorCode, failReason, failedSubJobs);
  }

  @Override
  public String toString() {
    return "JobFailure{jobId=" + jobId + ", jobType=" + jobType + ", errorCode=" + errorCode + ", failReason="
        + failReason + ", failedSubJobs=" + failedSubJobs + '}';
  }
}
