// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.text.SafeText;
import java.time.Duration;

/**
 * The wait's deadline (or its optional maximum number of polls) passed before the job ended.
 * The job may still be running: only the wait has ended.
 */
public class WaitTimeoutException extends SfsTurboException {
  private static final long serialVersionUID = 1L;
  private final String jobId;
  private final transient JobDetail lastJob;
  private final int polls;
  private final Duration elapsed;

  /**
   * Creates the exception.
   *
   * @param jobId the job waited for
   * @param why why the wait ended, for the message (for example "at its 30m 00s deadline")
   * @param lastJob the last detail seen, or null
   * @param polls how many polls were made
   * @param elapsed how long the wait lasted
   * @param lastFailure the last poll's failure, or null
   */
  public WaitTimeoutException(String jobId, String why, JobDetail lastJob, int polls, Duration elapsed,
      Throwable lastFailure) {
    super("gave up waiting for job '" + jobId + "' " + why + " after " + polls + (polls == 1 ? " poll" : " polls")
        + " in "
        + DurationText.format(elapsed) + "; last status "
        + (lastJob == null ? "unknown (no successful poll)" : SafeText.forMessage(lastJob.statusAsString()))
        + (lastFailure == null ? "" : "; last failure: " + lastFailure.getMessage())
        + "; the job may still be running", lastFailure);
    this.jobId = jobId;
    this.lastJob = lastJob;
    this.polls = polls;
    this.elapsed = elapsed;
  }

  /** Returns the id of the job waited for. */
  public String jobId() {
    return jobId;
  }

  /** Returns the last detail seen, or null when no poll succeeded. */
  public JobDetail lastJob() {
    return lastJob;
  }

  /** Returns how many polls were made. */
  public int polls() {
    return polls;
  }

  /** Returns how long the wait lasted. */
  public Duration elapsed() {
    return elapsed;
  }
}
