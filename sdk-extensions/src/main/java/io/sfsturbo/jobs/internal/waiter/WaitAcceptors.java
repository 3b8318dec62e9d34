// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.waiter;

import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.UnexpectedJobStatusException;
import io.sfsturbo.jobs.waiter.UnknownStatusPolicy;
import java.time.Duration;

/**
 * What a poll's outcome means for a wait (AWS SDK's waiters call these acceptors): a status the spec lists
 * as final ({@code x-terminal-values}, {@link JobStatus#isTerminal()}) ends the wait, in success for
 * {@code success} and as a {@link JobFailedException} for any other; an undocumented status ends it only
 * under {@link UnknownStatusPolicy#FAIL_FAST}; a 404 {@code SFS.TURBO.0019} before the job was ever seen is
 * "not visible yet" during the grace period; a failure that may not repeat is tolerated.
 */
final class WaitAcceptors {
  private WaitAcceptors() {}

  /** The outcome of a poll that read the job. */
  enum Verdict {
    SUCCESS,
    FAILURE,
    KEEP_POLLING
  }

  static Verdict judge(JobDetail job, UnknownStatusPolicy unknown) {
    JobStatus status = job.status();
    if (status != null && status.isTerminal()) {
      return status == JobStatus.SUCCESS ? Verdict.SUCCESS : Verdict.FAILURE;
    }
    if (status == JobStatus.UNKNOWN_TO_SDK_VERSION && unknown == UnknownStatusPolicy.FAIL_FAST) {
      return Verdict.FAILURE;
    }
    return Verdict.KEEP_POLLING;
  }

  /** The failure a {@link Verdict#FAILURE} ends the wait with. */
  static SfsTurboException failureOf(JobDetail job) {
    return job.hasUnknownStatus() ? new UnexpectedJobStatusException(job) : new JobFailedException(job);
  }

  /** A 404 that says the job does not exist yet, from a wait that has never seen it, within the grace period. */
  static boolean isNotYetVisible(SfsTurboException e, boolean seen, Duration elapsed, Duration grace) {
    return !seen && e instanceof ResourceNotFoundException
        && ((ResourceNotFoundException) e).knownErrorCode() == SfsTurboErrorCode.INVALID_JOB_ID
        && elapsed.compareTo(grace) < 0;
  }

  /**
   * Whether a failed poll is polled again. A poll is idempotent: an unreadable answer (a proxy's HTML page, a
   * cut JSON, an ambiguous or misrouted document) says nothing about the job, so it is tolerated like a
   * transient failure.
   */
  static boolean isTolerated(SfsTurboException e) {
    return e.isRetryable() || e instanceof ResponseDecodingException;
  }
}
