// SPDX-License-Identifier: Apache-2.0
/**
 * The client of the SFS Turbo task API, {@code ShowJobDetail}: start here.
 *
 * <p>{@link io.sfsturbo.jobs.SfsTurboJobsClient} queries a job (sync or async) and makes waiters that
 * poll until the job ends; {@link io.sfsturbo.jobs.CallOptions} bounds one call. The model it returns is
 * generated from the spec ({@link io.sfsturbo.jobs.model}); credentials are in {@link io.sfsturbo.jobs.auth},
 * exceptions in {@link io.sfsturbo.jobs.errors}, retries in {@link io.sfsturbo.jobs.retry}, waits in
 * {@link io.sfsturbo.jobs.waiter}.
 *
 * <pre>{@code
 * try (SfsTurboJobsClient client = SfsTurboJobsClient.builder()
 *     .region("eu-de")
 *     .projectId(projectId)
 *     .credentials(AkSkCredentials.of(ak, sk))
 *     .build()) {
 *   JobDetail job = client.showJobDetail(jobId);
 *   WaitResult done = client.waiter().waitFor(jobId, WaitOptions.defaults());
 * }
 * }</pre>
 */
package io.sfsturbo.jobs;
