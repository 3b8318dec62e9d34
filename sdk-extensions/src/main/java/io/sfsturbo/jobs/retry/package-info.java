// SPDX-License-Identifier: Apache-2.0
/**
 * How calls retry transient failures: {@link io.sfsturbo.jobs.retry.RetryPolicy} (attempts and backoff)
 * and {@link io.sfsturbo.jobs.retry.Backoff}, the one backoff type that also shapes a wait's polls.
 *
 * <!-- src_embed javadoc.retry-policy -->
 * <pre>
 * RetryPolicy patient = RetryPolicy.builder&#40;&#41;
 *     .maxAttempts&#40;5&#41;
 *     .maxRetryAfter&#40;Duration.ofSeconds&#40;30&#41;&#41;
 *     .build&#40;&#41;;
 * SfsTurboJobsClient client = SfsTurboJobsClient.builder&#40;&#41;
 *     .region&#40;&quot;eu-de&quot;&#41;
 *     .overrideConfiguration&#40;o -&gt; o.retryPolicy&#40;patient&#41;&#41;
 *     .build&#40;&#41;;
 * </pre>
 * <!-- end javadoc.retry-policy -->
 */
package io.sfsturbo.jobs.retry;
