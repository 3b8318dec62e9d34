// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.internal.ServiceTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One sub-job of a job, as the service reported it: an immutable value.
 *
 * <p>Times are exposed both as the service's text and as {@link Instant}s; a time the SDK
 * cannot read gives a null instant but keeps its text.
 */
public final class SubJobDetail {
  private final String jobId;
  private final JobStatus status;
  private final String jobType;
  private final String beginTimeText;
  private final String endTimeText;
  private final Instant beginTime;
  private final Instant endTime;
  private final String errorCode;
  private final String failReason;

  /**
   * Creates a sub-job; used by the SDK's decoder and by tests.
   *
   * @param jobId the sub-job's id, may be null
   * @param status its status, may be null when the service sent none
   * @param jobType its type, may be null
   * @param beginTimeText its start time as sent, may be null
   * @param endTimeText its end time as sent, may be null
   * @param errorCode the error code of a failed sub-job, may be null
   * @param failReason the failure reason of a failed sub-job, may be null
   */
  public SubJobDetail(String jobId, JobStatus status, String jobType, String beginTimeText,
      String endTimeText, String errorCode, String failReason) {
    this.jobId = jobId;
    this.status = status;
    this.jobType = jobType;
    this.beginTimeText = beginTimeText;
    this.endTimeText = endTimeText;
    this.beginTime = ServiceTimes.parse(beginTimeText);
    this.endTime = ServiceTimes.parse(endTimeText);
    this.errorCode = errorCode;
    this.failReason = failReason;
  }

  /** Returns the sub-job's id ({@code job_id}), or null. */
  public String jobId() {
    return jobId;
  }

  /** Returns the sub-job's status, or null when the service sent none. */
  public JobStatus status() {
    return status;
  }

  /** Returns the sub-job's type ({@code job_type}), or null. */
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

  /** Returns the start time (UTC), or null when absent or unreadable. */
  public Instant beginTime() {
    return beginTime;
  }

  /** Returns the end time (UTC), or null when absent or unreadable. */
  public Instant endTime() {
    return endTime;
  }

  /** Returns how long the sub-job took, or null unless both times are known. */
  public Duration duration() {
    return beginTime == null || endTime == null ? null : Duration.between(beginTime, endTime);
  }

  /** Returns the error code of a failed sub-job ({@code error_code}), or null. */
  public String errorCode() {
    return errorCode;
  }

  /** Returns why the sub-job failed ({@code fail_reason}), or null. */
  public String failReason() {
    return failReason;
  }

  /** Returns whether the sub-job has failed. */
  public boolean isFailed() {
    return JobStatus.FAILED.equals(status);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SubJobDetail)) {
      return false;
    }
    SubJobDetail that = (SubJobDetail) o;
    return Objects.equals(jobId, that.jobId) && Objects.equals(status, that.status)
        && Objects.equals(jobType, that.jobType) && Objects.equals(beginTimeText, that.beginTimeText)
        && Objects.equals(endTimeText, that.endTimeText) && Objects.equals(errorCode, that.errorCode)
        && Objects.equals(failReason, that.failReason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, status, jobType, beginTimeText, endTimeText, errorCode, failReason);
  }

  @Override
  public String toString() {
    return "SubJobDetail{jobId=" + jobId + ", status=" + status + ", jobType=" + jobType
        + ", beginTime=" + beginTimeText + ", endTime=" + endTimeText
        + (errorCode == null ? "" : ", errorCode=" + errorCode)
        + (failReason == null ? "" : ", failReason=" + failReason) + '}';
  }
}
