// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.Optional;

/**
 * The {@link ApplicationFailure} types the activities end with, and how a workflow reads their
 * details. Catch the {@link io.temporal.failure.ActivityFailure} of a wait and ask:
 *
 * <pre>{@code
 * try {
 *   jobs.waitFor(jobId);
 * } catch (ActivityFailure e) {
 *   Optional<JobFailure> failed = JobWaitFailures.jobFailure(e);   // the job itself failed
 *   if (JobWaitFailures.isWaitTimeout(e)) { ... }                  // our deadline passed first
 * }
 * }</pre>
 */
public final class JobWaitFailures {
  /** The job ended {@code failed}: non-retryable; its details are one {@link JobFailure}. */
  public static final String JOB_FAILED = "SfsTurboJobFailed";
  /** The wait's deadline passed first (the job may still be running): non-retryable; details: {@link WaitTimeout}. */
  public static final String WAIT_TIMEOUT = "SfsTurboWaitTimeout";
  /** The job reported an undocumented status under {@code UnknownStatusPolicy.FAIL_FAST}: non-retryable. */
  public static final String UNEXPECTED_STATUS = "SfsTurboUnexpectedJobStatus";
  /** The checkpoint could not be read (corrupt, truncated, newer version): non-retryable. */
  public static final String INVALID_CHECKPOINT = "SfsTurboInvalidCheckpoint";
  /** A permanent API error (401, 403, 404 past the grace, 400...): non-retryable; the message names it. */
  public static final String API_ERROR = "SfsTurboApiError";
  /** Polls kept failing (no response, 429, 5xx) beyond the wait's tolerance: retryable, from the last heartbeat. */
  public static final String TRANSIENT_ERROR = "SfsTurboTransientError";
  /** The worker's client was closed mid-wait (shutdown): retryable, so that another worker resumes at once. */
  public static final String WORKER_STOPPING = "SfsTurboWorkerStopping";

  private JobWaitFailures() {}

  /**
   * Returns the job's failure when a wait failed because the job did.
   *
   * @param failure what the workflow caught (an {@code ActivityFailure}, or its cause)
   * @return the job's failure, or empty for any other failure
   */
  public static Optional<JobFailure> jobFailure(Throwable failure) {
    ApplicationFailure a = find(failure, JOB_FAILED);
    return a == null ? Optional.<JobFailure>empty() : Optional.of(a.getDetails().get(0, JobFailure.class));
  }

  /**
   * Returns the timeout's details when a wait failed because its deadline passed.
   *
   * @param failure what the workflow caught
   * @return the details, or empty for any other failure
   */
  public static Optional<WaitTimeout> waitTimeout(Throwable failure) {
    ApplicationFailure a = find(failure, WAIT_TIMEOUT);
    return a == null ? Optional.<WaitTimeout>empty() : Optional.of(a.getDetails().get(0, WaitTimeout.class));
  }

  /**
   * Returns whether a wait failed because its deadline passed.
   *
   * @param failure what the workflow caught
   * @return whether it is a {@link #WAIT_TIMEOUT}
   */
  public static boolean isWaitTimeout(Throwable failure) {
    return find(failure, WAIT_TIMEOUT) != null;
  }

  /**
   * Returns the type of the {@link ApplicationFailure} in a failure's causes.
   *
   * @param failure what the workflow caught
   * @return the type (one of this class's constants for the activities' own), or empty
   */
  public static Optional<String> type(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure) {
        return Optional.of(((ApplicationFailure) t).getType());
      }
      if (!(t instanceof TemporalFailure)) {
        break;
      }
    }
    return Optional.empty();
  }

  private static ApplicationFailure find(Throwable failure, String type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure && type.equals(((ApplicationFailure) t).getType())) {
        return (ApplicationFailure) t;
      }
    }
    return null;
  }
}
