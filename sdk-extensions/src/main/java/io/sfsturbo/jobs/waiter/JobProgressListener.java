// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import java.time.Duration;

/**
 * Hears how a waited-for job progresses: once per change of status, not once per poll. Methods
 * run on the waiting thread (sync) or a scheduler/HTTP thread (async) and should return quickly;
 * an exception a method throws is logged and does not disturb the wait.
 */
public interface JobProgressListener {
  /**
   * The job's status changed (the first poll reports a change from null).
   *
   * @param job the job as just polled
   * @param previous the status before, or null at the first poll
   * @param current the new status, may be null when the service sent none
   */
  default void onJobStatusChanged(JobDetail job, JobStatus previous, JobStatus current) {}

  /**
   * A sub-job's status changed, or a sub-job appeared (from null).
   *
   * @param job the job as just polled
   * @param subJob the sub-job
   * @param previous its status before, or null when it is new
   * @param current its new status
   */
  default void onSubJobStatusChanged(JobDetail job, SubJobDetail subJob, JobStatus previous, JobStatus current) {}

  /**
   * The job reported a status the API does not document (once per distinct value).
   *
   * @param job the job as just polled
   */
  default void onUnknownStatus(JobDetail job) {}

  /**
   * The first poll found no such job (404 {@code SFS.TURBO.0019}): it may have just been created
   * and not be visible yet, so the wait keeps polling until the grace period ends. Heard once.
   *
   * @param jobId the job waited for
   * @param gracePeriod how long from the wait's start the wait keeps trying
   */
  default void onJobNotFoundYet(String jobId, Duration gracePeriod) {}

  /**
   * A poll left the job running (or failed, and the wait tolerates it): the state to resume the
   * wait from, with the next poll's time, in another process if need be
   * ({@link JobWaiter#waitFor(WaitCheckpoint, JobProgressListener)}). Heard after every such poll,
   * after the status changes it brought; store {@link WaitCheckpoint#toText()} where it outlives
   * this process.
   *
   * @param checkpoint the wait's state now
   */
  default void onCheckpoint(WaitCheckpoint checkpoint) {}

  /**
   * Returns a listener that hears status changes only: for a wait that needs nothing else, as a lambda.
   *
   * <pre>{@code
   * WaitOptions.builder().listener(JobProgressListener.onStatusChange(
   *     (job, from, to) -> log.info("{}: {} -> {}", job.jobId(), from, job.statusAsString())))
   * }</pre>
   *
   * @param handler called as {@link #onJobStatusChanged} is
   * @return the listener
   */
  static JobProgressListener onStatusChange(StatusChangeHandler handler) {
    java.util.Objects.requireNonNull(handler, "handler");
    return new JobProgressListener() {
      @Override
      public void onJobStatusChanged(JobDetail job, JobStatus previous, JobStatus current) {
        handler.onStatusChange(job, previous, current);
      }
    };
  }

  /** The status-change callback alone, so that it can be a lambda (see {@link #onStatusChange}). */
  @FunctionalInterface
  interface StatusChangeHandler {
    /**
     * The job's status changed.
     *
     * @param job the job as just polled ({@link JobDetail#statusAsString()} has the text of any status)
     * @param previous the status before, or null at the first poll
     * @param current the new status, may be null when the service sent none
     */
    void onStatusChange(JobDetail job, JobStatus previous, JobStatus current);
  }
}
