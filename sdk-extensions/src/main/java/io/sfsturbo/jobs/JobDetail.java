// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.internal.ServiceTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The state of an SFS Turbo asynchronous job, as one {@code ShowJobDetail} call returned it:
 * an immutable value.
 *
 * <p>Besides the fields of the API it carries the response's {@code X-request-id} and the
 * JSON document exactly as received, and answers the questions a caller has about a job:
 * has it ended ({@link #isTerminal()}), did it succeed, which sub-jobs failed, how long did it take.
 */
public final class JobDetail {
  private final String jobId;
  private final JobStatus status;
  private final String jobType;
  private final String beginTimeText;
  private final String endTimeText;
  private final Instant beginTime;
  private final Instant endTime;
  private final String errorCode;
  private final String failReason;
  private final List<SubJobDetail> subJobs;
  private final String requestId;
  private final String rawJson;

  private JobDetail(Builder b) {
    this.jobId = b.jobId;
    this.status = b.status;
    this.jobType = b.jobType;
    this.beginTimeText = b.beginTimeText;
    this.endTimeText = b.endTimeText;
    this.beginTime = ServiceTimes.parse(b.beginTimeText);
    this.endTime = ServiceTimes.parse(b.endTimeText);
    this.errorCode = b.errorCode;
    this.failReason = b.failReason;
    this.subJobs = Collections.unmodifiableList(new ArrayList<>(b.subJobs));
    this.requestId = b.requestId;
    this.rawJson = b.rawJson;
  }

  /** Returns a builder, for the SDK's decoder and for tests that need a job without a server. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the job's id ({@code job_id}), or null when the service sent none. */
  public String jobId() {
    return jobId;
  }

  /** Returns the job's status, or null when the service sent none. */
  public JobStatus status() {
    return status;
  }

  /** Returns the job's type ({@code job_type}, for example {@code bind_ldap}), or null. */
  public String jobType() {
    return jobType;
  }

  /** Returns {@code begin_time} exactly as the service wrote it, or null. */
  public String beginTimeText() {
    return beginTimeText;
  }

  /** Returns {@code end_time} exactly as the service wrote it, or null. */
  public String endTimeText() {
    return endTimeText;
  }

  /** Returns the start time (the API's times are UTC), or null when absent or unreadable. */
  public Instant beginTime() {
    return beginTime;
  }

  /** Returns the end time (UTC), or null when absent or unreadable. */
  public Instant endTime() {
    return endTime;
  }

  /** Returns how long the job took (end minus begin), or null unless both times are known. */
  public Duration duration() {
    return beginTime == null || endTime == null ? null : Duration.between(beginTime, endTime);
  }

  /** Returns the error code of a failed job ({@code error_code}), or null. */
  public String errorCode() {
    return errorCode;
  }

  /** Returns why the job failed ({@code fail_reason}), or null. */
  public String failReason() {
    return failReason;
  }

  /** Returns the sub-jobs, in the service's order; empty, never null. */
  public List<SubJobDetail> subJobs() {
    return subJobs;
  }

  /** Returns the {@code X-request-id} of the response this job came from, or null. */
  public String requestId() {
    return requestId;
  }

  /** Returns the response body exactly as received, or null for a job built by hand. */
  public String rawJson() {
    return rawJson;
  }

  /** Returns whether the job has ended, in success or in failure. */
  public boolean isTerminal() {
    return status != null && status.isTerminal();
  }

  /** Returns whether the job has ended successfully (see also {@link #isPartialFailure()}). */
  public boolean isSuccess() {
    return JobStatus.SUCCESS.equals(status);
  }

  /** Returns whether the job has ended in failure. */
  public boolean isFailed() {
    return JobStatus.FAILED.equals(status);
  }

  /** Returns whether the status is one the API does not document. */
  public boolean hasUnknownStatus() {
    return status != null && !status.isKnown();
  }

  /** Returns the sub-jobs whose status is {@code failed}; empty when none. */
  public List<SubJobDetail> failedSubJobs() {
    List<SubJobDetail> failed = new ArrayList<>();
    for (SubJobDetail sub : subJobs) {
      if (sub.isFailed()) {
        failed.add(sub);
      }
    }
    return Collections.unmodifiableList(failed);
  }

  /** Returns whether the job succeeded although some of its sub-jobs failed. */
  public boolean isPartialFailure() {
    return isSuccess() && !failedSubJobs().isEmpty();
  }

  /** Compares the job's fields; the request id and the raw JSON are not part of equality. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JobDetail)) {
      return false;
    }
    JobDetail that = (JobDetail) o;
    return Objects.equals(jobId, that.jobId) && Objects.equals(status, that.status)
        && Objects.equals(jobType, that.jobType) && Objects.equals(beginTimeText, that.beginTimeText)
        && Objects.equals(endTimeText, that.endTimeText) && Objects.equals(errorCode, that.errorCode)
        && Objects.equals(failReason, that.failReason) && subJobs.equals(that.subJobs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, status, jobType, beginTimeText, endTimeText, errorCode, failReason, subJobs);
  }

  @Override
  public String toString() {
    return "JobDetail{jobId=" + jobId + ", status=" + status + ", jobType=" + jobType
        + ", beginTime=" + beginTimeText + ", endTime=" + endTimeText
        + (errorCode == null ? "" : ", errorCode=" + errorCode)
        + (failReason == null ? "" : ", failReason=" + failReason)
        + ", subJobs=" + subJobs + ", requestId=" + requestId + '}';
  }

  /** Builds a {@link JobDetail}; every field is optional. */
  public static final class Builder {
    private String jobId;
    private JobStatus status;
    private String jobType;
    private String beginTimeText;
    private String endTimeText;
    private String errorCode;
    private String failReason;
    private final List<SubJobDetail> subJobs = new ArrayList<>();
    private String requestId;
    private String rawJson;

    private Builder() {}

    /**
     * Sets {@code jobId}.
     *
     * @param jobId the id
     * @return this builder
     */
    public Builder jobId(String jobId) {
      this.jobId = jobId;
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(JobStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets {@code jobType}.
     *
     * @param jobType the type
     * @return this builder
     */
    public Builder jobType(String jobType) {
      this.jobType = jobType;
      return this;
    }

    /**
     * Sets {@code begin_time} as text.
     *
     * @param text the time
     * @return this builder
     */
    public Builder beginTime(String text) {
      this.beginTimeText = text;
      return this;
    }

    /**
     * Sets {@code end_time} as text.
     *
     * @param text the time
     * @return this builder
     */
    public Builder endTime(String text) {
      this.endTimeText = text;
      return this;
    }

    /**
     * Sets {@code errorCode}.
     *
     * @param errorCode the code
     * @return this builder
     */
    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    /**
     * Sets {@code failReason}.
     *
     * @param failReason the reason
     * @return this builder
     */
    public Builder failReason(String failReason) {
      this.failReason = failReason;
      return this;
    }

    /**
     * Adds a sub-job.
     *
     * @param subJob the sub-job
     * @return this builder
     */
    public Builder addSubJob(SubJobDetail subJob) {
      this.subJobs.add(Objects.requireNonNull(subJob, "subJob"));
      return this;
    }

    /**
     * Sets the response's request id.
     *
     * @param requestId the id
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Sets the raw response body.
     *
     * @param rawJson the body
     * @return this builder
     */
    public Builder rawJson(String rawJson) {
      this.rawJson = rawJson;
      return this;
    }

    /**
     * Returns the job.
     *
     * @return a new immutable job
     */
    public JobDetail build() {
      return new JobDetail(this);
    }
  }
}
