// SPDX-License-Identifier: Apache-2.0
/**
 * Waiting for SFS Turbo jobs in Temporal workflows: activities that wait with heartbeated,
 * resumable checkpoints ({@link io.sfsturbo.jobs.temporal.SfsTurboJobActivities}), the failures
 * they end with ({@link io.sfsturbo.jobs.temporal.JobWaitFailures}) and a one-line workflow helper
 * ({@link io.sfsturbo.jobs.temporal.SfsTurboJobs}).
 */
package io.sfsturbo.jobs.temporal;
