// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Temporal activities that wait for SFS Turbo jobs. Register {@link SfsTurboJobActivitiesImpl} on a
 * worker, and call them from a workflow through {@link SfsTurboJobs} (one line), or through your own
 * stub. Both take a wait's checkpoint text ({@code WaitCheckpoint.start(jobId, options, now).toText()}),
 * so that the wait's start and deadline are the workflow's.
 *
 * <p>Which to use when:
 * <ul>
 *   <li>{@link #waitForJob(String)}: one activity for the whole wait. It heartbeats the checkpoint
 *       after every poll, holds no worker thread between polls (asynchronous completion), and an
 *       attempt after a worker crash or restart continues from the last heartbeat. Cheap on history
 *       (a handful of events per wait), so it suits most waits: minutes to a few hours.</li>
 *   <li>{@link #pollJob(String)}: one poll per activity; the schedule lives in the workflow, whose
 *       timers sleep between polls. Nothing runs on any worker between polls, and Temporal's test
 *       environment can skip the time. For very long waits (days), or when workers come and go
 *       often; each poll adds a few events to the history.</li>
 * </ul>
 *
 * <p>A failed job, a wait past its deadline and a permanent API error end the activity with a
 * non-retryable {@link io.temporal.failure.ApplicationFailure}; its type is one of
 * {@link JobWaitFailures}' constants.
 */
@ActivityInterface(namePrefix = "SfsTurbo")
public interface SfsTurboJobActivities {
  /**
   * Waits until the job ends, resuming from the last heartbeat when this is a retry.
   *
   * @param checkpoint the wait's checkpoint text, as the workflow started it
   * @return the job's end, when it succeeded
   */
  @ActivityMethod
  JobWaitResult waitForJob(String checkpoint);

  /**
   * Polls the job once, now (the workflow's timer has waited until the checkpoint's next poll).
   *
   * @param checkpoint the wait's checkpoint text
   * @return the job's end, or the checkpoint to poll again from and when
   */
  @ActivityMethod
  JobPollResult pollJob(String checkpoint);
}
