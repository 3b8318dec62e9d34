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
 * <!-- src_embed javadoc.client -->
 * <pre>
 * try &#40;SfsTurboJobsClient client = SfsTurboJobsClient.builder&#40;&#41;
 *     .region&#40;&quot;eu-de&quot;&#41;
 *     .projectId&#40;projectId&#41;
 *     .credentials&#40;AkSkCredentials.of&#40;accessKey, secretKey&#41;&#41;
 *     .build&#40;&#41;&#41; &#123;
 *   JobDetail job = client.showJobDetail&#40;jobId&#41;;
 *   WaitResult done = client.waiter&#40;&#41;.waitFor&#40;jobId, WaitOptions.defaults&#40;&#41;&#41;;
 * &#125;
 * </pre>
 * <!-- end javadoc.client -->
 *
 * <p>The guides are in the repository's {@code docs/} folder: configuration, credentials and regions, errors,
 * retries and deadlines, waiting and checkpoints, testing, observability, security.
 */
package io.sfsturbo.jobs;
