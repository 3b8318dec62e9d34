// SPDX-License-Identifier: Apache-2.0
/**
 * How calls retry transient failures: {@link io.sfsturbo.jobs.retry.RetryPolicy} (attempts and backoff)
 * and {@link io.sfsturbo.jobs.retry.Backoff}, the one backoff type that also shapes a wait's polls.
 *
 * <pre>{@code
 * SfsTurboJobsClient.builder().retryPolicy(RetryPolicy.builder().maxAttempts(5).build())
 * }</pre>
 */
package io.sfsturbo.jobs.retry;
