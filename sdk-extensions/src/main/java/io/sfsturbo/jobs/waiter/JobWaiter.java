// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.time.TimeSource;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Waits until an SFS Turbo job ends, and says how: the final detail on success, a {@link JobFailedException}
 * when it failed, a {@link WaitTimeoutException} when the deadline passed first. Made by
 * {@code SfsTurboJobsClient.waiter()}; thread-safe; one waiter serves any number of waits. An interface, so
 * that code under test can be given a fake.
 *
 * <!-- src_embed javadoc.waiter -->
 * <pre>
 * JobWaiter waiter = client.waiter&#40;&#41;;
 * WaitResult done = waiter.waitFor&#40;jobId, WaitOptions.defaults&#40;&#41;&#41;;     &#47;&#47; on this thread
 * CompletableFuture&lt;WaitResult&gt; later = waiter.waitForAsync&#40;jobId, WaitOptions.defaults&#40;&#41;&#41;;
 * </pre>
 * <!-- end javadoc.waiter -->
 *
 * <p>The wait owns its whole budget: each poll is one HTTP attempt bounded by the client's attempt timeout
 * and by the time left; a failed poll that may succeed if repeated (no response, 429, 5xx, an unreadable
 * answer) is polled again after the client's retry backoff, honouring a {@code Retry-After} within the
 * retry policy's cap; no delay runs past the deadline. Async waits hold no thread while they wait. The
 * future of an async wait belongs to the caller: cancelling or completing it stops the wait at once (no poll
 * is sent after it, the one in flight is cancelled). Closing the client ends running waits with a
 * {@link io.sfsturbo.jobs.errors.ClientClosedException}.
 *
 * <p>Polls keep to the schedule of {@link WaitOptions} from the wait's start: a slow answer does not push
 * the later polls back, and a poll answered after the next one was due counts as that one. When the gateway
 * has throttled the client ({@link io.sfsturbo.jobs.retry.AdaptiveRateLimit}), a poll that the client's
 * rate limiter would hold long is skipped for the next step of the schedule rather than sent late; a skipped
 * poll sends no request and is not counted in {@link WaitResult#polls()}.
 */
public interface JobWaiter {
  /**
   * Waits on this thread until the job ends.
   *
   * @param jobId the job id
   * @param options how to poll
   * @return the final detail, with the number of polls and the time taken
   * @throws JobFailedException when the job failed
   * @throws WaitTimeoutException when the deadline or the attempt limit passed first (the wait ends no later
   *     than about one second after its deadline, whatever the server does)
   * @throws UnexpectedJobStatusException under {@link UnknownStatusPolicy#FAIL_FAST}
   * @throws WaitInterruptedException when the thread is interrupted (its flag is set again)
   * @throws io.sfsturbo.jobs.errors.SfsTurboException (another subtype) when polling failed for good
   * @throws IllegalArgumentException when the job id is invalid, before any request
   * @throws IllegalStateException when the client is closed
   */
  WaitResult waitFor(String jobId, WaitOptions options);

  /**
   * Waits on this thread until the job ends, with options changed from the defaults.
   *
   * @param jobId the job id
   * @param options changes the defaults, for example {@code o -> o.timeout(Duration.ofMinutes(5))}
   * @return the final detail
   * @throws JobFailedException as {@link #waitFor(String, WaitOptions)}, and its other exceptions
   */
  default WaitResult waitFor(String jobId, Consumer<WaitOptions.Builder> options) {
    return waitFor(jobId, WaitOptions.of(options));
  }

  /**
   * Waits without holding a thread. The future completes with the final detail, or exceptionally with the
   * same exceptions as {@link #waitFor(String, WaitOptions)}; it belongs to the caller, and completing or
   * cancelling it stops the wait.
   *
   * @param jobId the job id
   * @param options how to poll
   * @return the future result
   * @throws IllegalArgumentException at once when the job id is invalid
   * @throws IllegalStateException at once when the client is closed
   */
  CompletableFuture<WaitResult> waitForAsync(String jobId, WaitOptions options);

  /**
   * Waits without holding a thread, with options changed from the defaults.
   *
   * @param jobId the job id
   * @param options changes the defaults
   * @return the future result
   * @throws IllegalArgumentException at once when the job id is invalid
   */
  default CompletableFuture<WaitResult> waitForAsync(String jobId, Consumer<WaitOptions.Builder> options) {
    return waitForAsync(jobId, WaitOptions.of(options));
  }

  /**
   * Continues a wait from a checkpoint, on this thread, in this or another process: the first poll is at
   * {@link WaitCheckpoint#nextPollAt()} (at once if that has passed), the schedule goes on where it was,
   * and the deadline stays {@link WaitCheckpoint#deadline()}. The listener hears only what changes after
   * the checkpoint. The result's polls and elapsed time count from the wait's first start.
   *
   * @param checkpoint where the wait was
   * @param listener hears progress; {@code WaitOptions.defaults().listener()} for none
   * @return the final detail
   * @throws WaitTimeoutException when the deadline passed (at once if it already has)
   * @throws JobFailedException when the job failed
   */
  WaitResult waitFor(WaitCheckpoint checkpoint, JobProgressListener listener);

  /**
   * Continues a wait from a checkpoint without holding a thread.
   *
   * @param checkpoint where the wait was
   * @param listener hears progress
   * @return the future result, which belongs to the caller
   * @throws IllegalStateException at once when the client is closed
   */
  CompletableFuture<WaitResult> waitForAsync(WaitCheckpoint checkpoint, JobProgressListener listener);

  /**
   * Makes one poll of a wait, now, and says what comes next: for a caller that keeps the schedule itself
   * between polls (a durable workflow's timers) and calls this when {@link WaitCheckpoint#nextPollAt()} has
   * come. Time is the checkpoint's: the poll counts as made at {@code nextPollAt()} (plus the time it takes
   * here), whatever this machine's clock says, so that the caller's clock alone decides the schedule and the
   * deadline. A failed poll that the wait tolerates (a 5xx, a 429, no response) is a step too, with the
   * retry backoff as its delay.
   *
   * @param checkpoint where the wait is; {@link WaitCheckpoint#start} for its first poll
   * @param listener hears what changes at this poll
   * @return the result if the job succeeded, else the checkpoint to poll again from
   * @throws JobFailedException when the job failed
   * @throws WaitTimeoutException when the deadline leaves no room for another poll
   */
  WaitStep pollOnce(WaitCheckpoint checkpoint, JobProgressListener listener);

  /** Configures a waiter; made by {@code SfsTurboJobsClient.waiterBuilder()}. */
  interface Builder {
    /**
     * Times this waiter's polls with a time source of its own (a scheduler of its own:
     * {@code TimeSource.system(executor)}); default: the client's.
     *
     * @param timeSource the time source
     * @return this builder
     */
    Builder timeSource(TimeSource timeSource);

    /**
     * Returns the waiter.
     *
     * @return a new waiter
     */
    JobWaiter build();
  }
}
