// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.config.ClientOverrideConfiguration;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one call that override the client's: its total budget, the bound of each attempt,
 * its retry policy. An immutable value; unset settings take the client's.
 *
 * <pre>{@code
 * client.showJobDetail(jobId, CallOptions.builder().callTimeout(Duration.ofSeconds(5)).build());
 * }</pre>
 */
public final class CallOptions {
  private static final CallOptions DEFAULTS = new Builder().build();

  private final Duration callTimeout;
  private final Duration attemptTimeout;
  private final RetryPolicy retryPolicy;

  private CallOptions(Builder b) {
    this.callTimeout = b.callTimeout;
    this.attemptTimeout = b.attemptTimeout;
    this.retryPolicy = b.retryPolicy;
  }

  /** Returns options that override nothing. */
  public static CallOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns options made by a caller's changes: {@code CallOptions.of(o -> o.callTimeout(Duration.ofSeconds(5)))}.
   *
   * @param changes applied to a builder that overrides nothing yet
   * @return the options
   */
  public static CallOptions of(java.util.function.Consumer<Builder> changes) {
    Objects.requireNonNull(changes, "changes");
    Builder b = builder();
    changes.accept(b);
    return b.build();
  }

  /** Returns a builder that overrides nothing yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the call's total budget, retries and their delays included, or null for the client's. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** Returns the bound of one attempt, or null for the client's. */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /** Returns the retry policy, or null for the client's. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CallOptions)) {
      return false;
    }
    CallOptions c = (CallOptions) o;
    return Objects.equals(callTimeout, c.callTimeout) && Objects.equals(attemptTimeout, c.attemptTimeout)
        && Objects.equals(retryPolicy, c.retryPolicy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(callTimeout, attemptTimeout, retryPolicy);
  }

  @Override
  public String toString() {
    return "CallOptions{callTimeout=" + callTimeout + ", attemptTimeout=" + attemptTimeout + ", retryPolicy="
        + retryPolicy + '}';
  }

  /** Builds {@link CallOptions}. */
  public static final class Builder {
    private Duration callTimeout;
    private Duration attemptTimeout;
    private RetryPolicy retryPolicy;

    private Builder() {}

    /**
     * Sets the call's total budget: every attempt and every delay between attempts fit in it, and
     * its end is a {@link io.sfsturbo.jobs.errors.RequestTimeoutException}.
     *
     * @param timeout positive, at most one day
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = bounded("callTimeout", timeout);
      return this;
    }

    /**
     * Sets the bound of one attempt, from connecting to the last byte of the body.
     *
     * @param timeout positive, at most one day
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = bounded("attemptTimeout", timeout);
      return this;
    }

    /**
     * Sets the retry policy of this call.
     *
     * @param policy the policy; {@link RetryPolicy#none()} for a single attempt
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * Returns the options.
     *
     * @return a new immutable value
     */
    public CallOptions build() {
      return new CallOptions(this);
    }

    private static Duration bounded(String name, Duration d) {
      return Durations.requireBetween(name, d, Duration.ofNanos(1), ClientOverrideConfiguration.MAX_TIMEOUT,
          "one day");
    }
  }
}
