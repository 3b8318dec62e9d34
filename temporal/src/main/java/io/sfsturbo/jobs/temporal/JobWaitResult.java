// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.util.Objects;

/**
 * How a job the workflow waited for ended successfully: an immutable value that Temporal's data
 * converter carries (JSON) from the activity to the workflow and into its history.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class JobWaitResult {
  private final String jobId;
  private final String jobType;
  private final String status;
  private final boolean partialFailure;
  private final int polls;
  private final long elapsedMillis;
  private final String jobJson;

  /**
   * Creates the value (the data converter's way in; activities use {@link #of(WaitResult)}).
   *
   * @param jobId the job id
   * @param jobType the job type, or null
   * @param status the final status as the service wrote it
   * @param partialFailure whether some sub-jobs failed though the job succeeded
   * @param polls the polls made, over every attempt and worker
   * @param elapsedMillis the wait's duration from its first start
   * @param jobJson the final job document as the service sent it
   */
  @JsonCreator
  public JobWaitResult(@JsonProperty("jobId") String jobId, @JsonProperty("jobType") String jobType,
      @JsonProperty("status") String status, @JsonProperty("partialFailure") boolean partialFailure,
      @JsonProperty("polls") int polls, @JsonProperty("elapsedMillis") long elapsedMillis,
      @JsonProperty("jobJson") String jobJson) {
    this.jobId = jobId;
    this.jobType = jobType;
    this.status = status;
    this.partialFailure = partialFailure;
    this.polls = polls;
    this.elapsedMillis = elapsedMillis;
    this.jobJson = jobJson;
  }

  /**
   * The largest job document carried, in characters: Temporal refuses payloads over 2 MB, and a
   * job with thousands of sub-jobs can be larger (the SDK reads up to 4 MiB).
   */
  public static final int MAX_JOB_JSON_CHARS = 256 * 1024;

  /**
   * Returns the value of a wait's result.
   *
   * @param r the result
   * @return the value; its {@link #jobJson()} is null when the document is over {@link #MAX_JOB_JSON_CHARS}
   */
  public static JobWaitResult of(WaitResult r) {
    JobDetail job = r.job();
    String json = job.rawJson();
    return new JobWaitResult(job.jobId(), job.jobType(), job.statusAsString(), job.isPartialFailure(), r.polls(),
        r.elapsed().toMillis(), json != null && json.length() <= MAX_JOB_JSON_CHARS ? json : null);
  }

  /** Returns the job id. */
  @JsonProperty("jobId")
  public String jobId() {
    return jobId;
  }

  /** Returns the job type, or null. */
  @JsonProperty("jobType")
  public String jobType() {
    return jobType;
  }

  /** Returns the final status as the service wrote it ({@code success}). */
  @JsonProperty("status")
  public String status() {
    return status;
  }

  /** Returns whether some sub-jobs failed though the job succeeded. */
  @JsonProperty("partialFailure")
  public boolean partialFailure() {
    return partialFailure;
  }

  /** Returns how many polls the wait made, over every activity attempt and worker. */
  @JsonProperty("polls")
  public int polls() {
    return polls;
  }

  /** Returns how long the wait took, from its first start, in milliseconds. */
  @JsonProperty("elapsedMillis")
  public long elapsedMillis() {
    return elapsedMillis;
  }

  /**
   * Returns the final job document as the service sent it (every field, unknown ones included), or
   * null when there is none or it is over {@link #MAX_JOB_JSON_CHARS}.
   */
  @JsonProperty("jobJson")
  public String jobJson() {
    return jobJson;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JobWaitResult)) {
      return false;
    }
    JobWaitResult r = (JobWaitResult) o;
    return Objects.equals(jobId, r.jobId) && Objects.equals(jobType, r.jobType) && Objects.equals(status, r.status)
        && partialFailure == r.partialFailure && polls == r.polls && elapsedMillis == r.elapsedMillis
        && Objects.equals(jobJson, r.jobJson);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, jobType, status, partialFailure, polls, elapsedMillis, jobJson);
  }

  @Override
  public String toString() {
    return "JobWaitResult{jobId=" + jobId + ", jobType=" + jobType + ", status=" + status + ", partialFailure="
        + partialFailure + ", polls=" + polls + ", elapsedMillis=" + elapsedMillis + '}';
  }
}
