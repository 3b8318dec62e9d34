// SPDX-License-Identifier: Apache-2.0
/**
 * The API's model, generated at build time from the OpenAPI spec by the project's templates: the job
 * ({@link io.sfsturbo.jobs.model.JobDetail}), its sub-jobs ({@link io.sfsturbo.jobs.model.SubJobDetail}),
 * the open status enum ({@link io.sfsturbo.jobs.model.JobStatus}), the error bodies and the error-code
 * catalogue ({@link io.sfsturbo.jobs.model.SfsTurboErrorCode}). Values are immutable, with builders;
 * the hand-written {@link io.sfsturbo.jobs.model.JobState} and {@link io.sfsturbo.jobs.model.JobWithSubJobs}
 * add the questions a caller asks of them.
 *
 * <pre>{@code
 * JobDetail job = client.showJobDetail(jobId);
 * switch (job.status()) {
 *   case SUCCESS: ...; break;
 *   case FAILED: log(job.errorCode(), job.failReason(), job.failedSubJobs()); break;
 *   case UNKNOWN_TO_SDK_VERSION: log("new status " + job.statusAsString()); break;
 *   default: // running, waiting
 * }
 * }</pre>
 */
package io.sfsturbo.jobs.model;
