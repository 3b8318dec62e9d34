// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.text.DurationText;
import java.time.Duration;

/**
 * The one retry decision of the SDK, for a call's attempts and a wait's failed polls alike: whether a
 * failure is tried again and after how long. The delay is the policy's backoff; a server's
 * {@code Retry-After} up to the policy's {@link RetryPolicy#maxRetryAfter()} is a floor of it (the loop
 * then ends rather than shorten it), and a longer one ends the retries at once.
 */
public final class RetryDecision {
  private RetryDecision() {}

  /**
   * Decides after a failure.
   *
   * @param failure the failure
   * @param tolerated whether the caller tries this kind of failure again at all (a call:
   *     {@link SfsTurboException#isRetryable()}; a wait also tolerates an unreadable answer)
   * @param failuresInARow how many tries failed in a row, this one included (1 after the first)
   * @param maxFailures how many failures in a row end the loop (a call: its attempts; a wait: its tolerance)
   * @param policy the client's or the call's retry policy
   * @param jitter a draw in [0, 1)
   * @param <R> the loop's result
   * @return the decision to try again, or null when the failure should end the loop
   */
  public static <R> Decision<R> after(SfsTurboException failure, boolean tolerated, int failuresInARow,
      int maxFailures, RetryPolicy policy, double jitter) {
    if (!tolerated || failuresInARow >= maxFailures) {
      return null;
    }
    Duration delay = policy.backoff().delay(failuresInARow - 1, jitter);
    Duration retryAfter = failure instanceof ThrottledException ? ((ThrottledException) failure).retryAfter() : null;
    if (retryAfter == null || retryAfter.isZero()) {
      return Decision.again(delay);
    }
    if (retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
      return null;
    }
    return Decision.againNoSoonerThan(delay, retryAfter, "the server asked to wait "
        + DurationText.format(retryAfter) + " (Retry-After)");
  }
}
