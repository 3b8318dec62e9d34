// SPDX-License-Identifier: Apache-2.0
/**
 * One hierarchy of unchecked exceptions under {@link io.sfsturbo.jobs.errors.SfsTurboException}:
 * service errors by HTTP status ({@link io.sfsturbo.jobs.errors.ResourceNotFoundException},
 * {@link io.sfsturbo.jobs.errors.ThrottledException}...), transport failures, timeouts, refused redirects
 * and undecodable responses. {@link io.sfsturbo.jobs.errors.SfsTurboException#isRetryable()} says whether
 * trying again can help.
 *
 * <pre>{@code
 * try {
 *   client.showJobDetail(jobId);
 * } catch (ResourceNotFoundException e) {
 *   if (e.knownErrorCode() == SfsTurboErrorCode.INVALID_JOB_ID) { ... }   // e.requestId() for support
 * }
 * }</pre>
 */
package io.sfsturbo.jobs.errors;
