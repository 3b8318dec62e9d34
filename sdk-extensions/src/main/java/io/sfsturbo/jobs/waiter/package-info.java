// SPDX-License-Identifier: Apache-2.0
/**
 * Waiting until a job ends: {@link io.sfsturbo.jobs.waiter.JobWaiter} (made by the client's
 * {@code waiter()}), shaped by {@link io.sfsturbo.jobs.waiter.WaitOptions}, ending with a
 * {@link io.sfsturbo.jobs.waiter.WaitResult} or a typed exception (the job failed, the deadline passed).
 *
 * <pre>{@code
 * WaitResult done = client.waiter().waitFor(jobId, WaitOptions.builder()
 *     .timeout(Duration.ofMinutes(20))
 *     .listener(JobProgressListener.onStatusChange((job, from, to) -> log.info("{} -> {}", from, to)))
 *     .build());
 * }</pre>
 */
package io.sfsturbo.jobs.waiter;
