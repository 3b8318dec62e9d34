// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.retry;

import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.internal.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a failed {@code ShowJobDetail} call is tried again. An immutable value.
 * Retries never outlast the call's budget ({@code callTimeout} of the client or of the call):
 * a delay that would pass it ends the call with a {@code RequestTimeoutException} at once.
 *
 * <p>The call is an idempotent GET, so retries are on by default ({@link #defaults()}): for
 * transport failures (connect, timeout, reset, cut body) and for 429, 500, 502, 503 and 504.
 * Never for 400, 401, 403 or 404. Delays grow exponentially with full jitter, up to a cap; a
 * server's {@code Retry-After} is honoured (the delay is the larger of the two) unless it asks
 * for more than {@link Builder#maxRetryAfter(Duration)}, in which case the error surfaces at once.
 * Waits retry their failed polls by the same rule.
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
public final class RetryPolicy {
  private final int maxAttempts;
  private final Backoff backoff;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder b, Backoff backoff) {
    this.maxAttempts = b.maxAttempts;
    this.backoff = backoff;
    this.maxRetryAfter = b.maxRetryAfter;
  }

  /** Returns the default policy: 3 attempts in all, 200 ms base delay, 5 s cap, Retry-After up to 60 s. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** Returns a policy that never retries: one attempt. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** Returns a builder, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the most attempts a call makes, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the delay before the first retry, before jitter. */
  public Duration baseDelay() {
    return backoff.initialDelay();
  }

  /** Returns the cap of the computed delay. */
  public Duration maxDelay() {
    return backoff.maxDelay();
  }

  /** Returns how delays grow between retries (doubling, full jitter unless built otherwise). */
  public Backoff backoff() {
    return backoff;
  }

  /** Returns the longest {@code Retry-After} the policy waits for. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * Returns whether a failure is worth another attempt, whatever the count.
   *
   * @param failure the failure of an attempt
   * @return true for transport failures, 429, 500, 502, 503 and 504 (see {@link SfsTurboException#isRetryable()})
   */
  public static boolean isRetryable(Throwable failure) {
    return failure instanceof SfsTurboException && ((SfsTurboException) failure).isRetryable();
  }

  /**
   * Decides whether to try again after a failed attempt, and when.
   *
   * @param failure the failure of the attempt
   * @param attemptsMade attempts made so far, the failed one included (1 after the first)
   * @param random a number in [0, 1) that draws the jitter
   * @return the delay before the next attempt, or null when the failure should surface
   */
  public Duration nextDelay(SfsTurboException failure, int attemptsMade, double random) {
    if (attemptsMade >= maxAttempts || !isRetryable(failure)) {
      return null;
    }
    Duration computed = jittered(attemptsMade, random);
    if (failure instanceof ThrottledException) {
      Duration retryAfter = ((ThrottledException) failure).retryAfter();
      if (retryAfter != null) {
        if (retryAfter.compareTo(maxRetryAfter) > 0) {
          return null;
        }
        return retryAfter.compareTo(computed) > 0 ? retryAfter : computed;
      }
    }
    return computed;
  }

  private Duration jittered(int attemptsMade, double random) {
    return backoff.delay(attemptsMade - 1, random);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy p = (RetryPolicy) o;
    return maxAttempts == p.maxAttempts && backoff.equals(p.backoff) && maxRetryAfter.equals(p.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(maxAttempts, backoff, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", backoff=" + backoff + ", maxRetryAfter=" + maxRetryAfter
        + '}';
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(5);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private double multiplier = 2.0;
    private double jitter = 1.0;

    private Builder() {}

    /**
     * Sets the whole backoff at once (replacing {@link #baseDelay(Duration)} and {@link #maxDelay(Duration)}).
     *
     * @param backoff how delays grow; the default doubles from 200 ms to 5 s with full jitter
     * @return this builder
     */
    public Builder backoff(Backoff backoff) {
      Objects.requireNonNull(backoff, "backoff");
      this.baseDelay = backoff.initialDelay();
      this.maxDelay = backoff.maxDelay();
      this.multiplier = backoff.multiplier();
      this.jitter = backoff.jitter();
      return this;
    }

    /**
     * Sets the most attempts per call, the first included.
     *
     * @param maxAttempts at least 1; 1 means no retry
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the delay before the first retry; each later one doubles it (then jitter applies).
     *
     * @param baseDelay from zero to 365 days
     * @return this builder
     */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = Durations.requireBetween("baseDelay", baseDelay, Duration.ZERO, Backoff.MAX_DELAY, "365 days");
      return this;
    }

    /**
     * Sets the cap of the computed delay.
     *
     * @param maxDelay from zero to 365 days
     * @return this builder
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Durations.requireBetween("maxDelay", maxDelay, Duration.ZERO, Backoff.MAX_DELAY, "365 days");
      return this;
    }

    /**
     * Sets the longest server {@code Retry-After} to wait for; a longer one ends the retries.
     *
     * @param maxRetryAfter from zero to 365 days
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = Durations.requireBetween("maxRetryAfter", maxRetryAfter, Duration.ZERO, Backoff.MAX_DELAY,
          "365 days");
      return this;
    }


    /**
     * Returns the policy.
     *
     * @return a new immutable policy
     */
    public RetryPolicy build() {
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be less than baseDelay ("
            + baseDelay + ")");
      }
      return new RetryPolicy(this, Backoff.of(baseDelay, multiplier, maxDelay, jitter));
    }
  }
}
