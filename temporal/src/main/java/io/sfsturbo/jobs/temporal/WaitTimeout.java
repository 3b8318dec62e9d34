// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.util.Objects;

/**
 * The details of a {@link JobWaitFailures#WAIT_TIMEOUT} failure: the wait's deadline passed, the
 * job may still be running. An immutable value.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class WaitTimeout {
  private final String jobId;
  private final String lastStatus;
  private final int polls;
  private final long elapsedMillis;

  /**
   * Creates the value.
   *
   * @param jobId the job waited for
   * @param lastStatus its last status seen by the last attempt, or null
   * @param polls the polls made
   * @param elapsedMillis the wait's duration, from its first start
   */
  @JsonCreator
  public WaitTimeout(@JsonProperty("jobId") String jobId, @JsonProperty("lastStatus") String lastStatus,
      @JsonProperty("polls") int polls, @JsonProperty("elapsedMillis") long elapsedMillis) {
    this.jobId = jobId;
    this.lastStatus = lastStatus;
    this.polls = polls;
    this.elapsedMillis = elapsedMillis;
  }

  /**
   * Returns the details of a wait's timeout.
   *
   * @param e the exception
   * @return the value
   */
  public static WaitTimeout of(WaitTimeoutException e) {
    // The status is server text bound for workflow history and its UI: escaped and capped as JobFailure's are.
    String status = e.lastJob() == null ? null : e.lastJob().statusAsString();
    return new WaitTimeout(e.jobId(), status == null ? null : SafeText.forMessage(status), e.polls(),
        e.elapsed().toMillis());
  }

  /** Returns the job waited for. */
  @JsonProperty("jobId")
  public String jobId() {
    return jobId;
  }

  /** Returns the last status the last attempt saw, or null. */
  @JsonProperty("lastStatus")
  public String lastStatus() {
    return lastStatus;
  }

  /** Returns how many polls were made. */
  @JsonProperty("polls")
  public int polls() {
    return polls;
  }

  /** Returns the wait's duration from its first start, in milliseconds. */
  @JsonProperty("elapsedMillis")
  public long elapsedMillis() {
    return elapsedMillis;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WaitTimeout)) {
      return false;
    }
    WaitTimeout w = (WaitTimeout) o;
    return Objects.equals(jobId, w.jobId) && Objects.equals(lastStatus, w.lastStatus) && polls == w.polls
        && elapsedMillis == w.elapsedMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, lastStatus, polls, elapsedMillis);
  }

  @Override
  public String toString() {
    return "WaitTimeout{jobId=" + jobId + ", lastStatus=" + lastStatus + ", polls=" + polls + ", elapsedMillis="
        + elapsedMillis + '}';
  }
}
