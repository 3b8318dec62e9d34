// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.model.JobDetail;
import java.time.Duration;

/** How a successful wait ended: the final job, how many polls it took and how long. An immutable value. */
public final class WaitResult {
  private final JobDetail job;
  private final int polls;
  private final Duration elapsed;

  /**
   * Creates a result.
   *
   * @param job the final job
   * @param polls how many polls the wait made
   * @param elapsed how long it took
   */
  public WaitResult(JobDetail job, int polls, Duration elapsed) {
    this.job = job;
    this.polls = polls;
    this.elapsed = elapsed;
  }

  /** Returns the job's final detail (status {@code success}; see {@link JobDetail#isPartialFailure()}). */
  public JobDetail job() {
    return job;
  }

  /** Returns how many times the job was polled, failed polls included. */
  public int polls() {
    return polls;
  }

  /** Returns how long the wait took, from its start to the last poll's answer. */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WaitResult)) {
      return false;
    }
    WaitResult r = (WaitResult) o;
    return job.equals(r.job) && polls == r.polls && elapsed.equals(r.elapsed);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(job, polls, elapsed);
  }

  @Override
  public String toString() {
    return "WaitResult{job=" + job + ", polls=" + polls + ", elapsed=" + elapsed + '}';
  }
}
