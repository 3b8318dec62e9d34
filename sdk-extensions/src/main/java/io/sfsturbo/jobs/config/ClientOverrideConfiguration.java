// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.config;

import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a client bounds and retries its calls, in one value (the shape of AWS SDK's
 * {@code ClientOverrideConfiguration}): the total budget of a call, the bound of one attempt, the retry
 * policy, and the client-side rate limit. An immutable value; unset fields take the defaults below.
 *
 * <pre>{@code
 * SfsTurboJobsClient.builder()
 *     .overrideConfiguration(o -> o.callTimeout(Duration.ofSeconds(30)).retryPolicy(RetryPolicy.none()))
 * }</pre>
 */
public final class ClientOverrideConfiguration {
  /** The default total budget of a call, retries included: 60 s. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /** The default bound of one attempt, connect to last byte: 20 s. */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
  /** The longest call budget or attempt bound: one day. */
  public static final Duration MAX_TIMEOUT = Duration.ofDays(1);

  private static final ClientOverrideConfiguration DEFAULTS = new Builder().build();

  private final Duration callTimeout;
  private final Duration attemptTimeout;
  private final RetryPolicy retryPolicy;
  private final AdaptiveRateLimit rateLimit;

  private ClientOverrideConfiguration(Builder b) {
    this.callTimeout = b.callTimeout;
    this.attemptTimeout = b.attemptTimeout;
    this.retryPolicy = b.retryPolicy;
    this.rateLimit = b.rateLimit;
  }

  /**
   * Returns the defaults: 60 s per call, 20 s per attempt, {@link RetryPolicy#defaults()},
   * {@link AdaptiveRateLimit#defaults()}.
   *
   * @return the defaults
   */
  public static ClientOverrideConfiguration defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.callTimeout = callTimeout;
    b.attemptTimeout = attemptTimeout;
    b.retryPolicy = retryPolicy;
    b.rateLimit = rateLimit;
    return b;
  }

  /**
   * Returns the total budget of a call: every attempt and every delay between them fit in it (AWS SDK's
   * {@code apiCallTimeout}); its end is a {@code RequestTimeoutException}. Waits have their own deadline.
   *
   * @return the budget
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * Returns the bound of one attempt as a whole, from connecting to the last byte of the body (AWS SDK's
   * {@code apiCallAttemptTimeout}); the time left of a call's budget or a wait's deadline bounds it too.
   *
   * @return the bound
   */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /**
   * Returns how failed attempts are retried, by calls and waits alike.
   *
   * @return the policy
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Returns the client-side rate limiting that every call and wait of the client shares.
   *
   * @return the settings
   */
  public AdaptiveRateLimit rateLimit() {
    return rateLimit;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ClientOverrideConfiguration)) {
      return false;
    }
    ClientOverrideConfiguration c = (ClientOverrideConfiguration) o;
    return callTimeout.equals(c.callTimeout) && attemptTimeout.equals(c.attemptTimeout)
        && retryPolicy.equals(c.retryPolicy) && rateLimit.equals(c.rateLimit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(callTimeout, attemptTimeout, retryPolicy, rateLimit);
  }

  @Override
  public String toString() {
    return "ClientOverrideConfiguration{callTimeout=" + callTimeout + ", attemptTimeout=" + attemptTimeout
        + ", retryPolicy=" + retryPolicy + ", rateLimit=" + rateLimit + '}';
  }

  /** Builds a {@link ClientOverrideConfiguration}. */
  public static final class Builder {
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private AdaptiveRateLimit rateLimit = AdaptiveRateLimit.defaults();

    private Builder() {}

    /**
     * Sets the total budget of a call (default 60 s).
     *
     * @param timeout positive, at most one day
     * @return this builder
     * @throws IllegalArgumentException outside that range
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = checkTimeout("callTimeout", timeout);
      return this;
    }

    /**
     * Sets the bound of one attempt (default 20 s).
     *
     * @param timeout positive, at most one day
     * @return this builder
     * @throws IllegalArgumentException outside that range
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = checkTimeout("attemptTimeout", timeout);
      return this;
    }

    /**
     * Sets the retry policy ({@link RetryPolicy#none()} turns retries off).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * Sets the client-side rate limiting ({@link AdaptiveRateLimit#disabled()} turns it off).
     *
     * @param rateLimit the settings
     * @return this builder
     */
    public Builder rateLimit(AdaptiveRateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @return a new immutable value
     */
    public ClientOverrideConfiguration build() {
      return new ClientOverrideConfiguration(this);
    }
  }

  private static Duration checkTimeout(String name, Duration timeout) {
    return Durations.requireBetween(name, timeout, Duration.ofNanos(1), MAX_TIMEOUT, "one day");
  }
}
