// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.retry;

import java.util.Locale;

/**
 * Client-side adaptive rate limiting, shared by every call and wait of a client (the idea of AWS
 * SDK v2's adaptive retry mode): a token bucket that stays out of the way until the gateway first
 * throttles (HTTP 429), then sends at a rate that drops on each throttling and recovers (CUBIC)
 * while requests pass. Thousands of waits that are throttled together thus come back spread at
 * a rate the gateway takes, instead of returning together after the same {@code Retry-After}
 * and being throttled again. A wait's poll that the limiter would hold long is not queued: the wait
 * skips it and polls at its next scheduled time (see {@code JobWaiter}). On by default
 * ({@link #defaults()}); the repository's {@code docs/retries-and-deadlines.md} describes the rules.
 *
 * <!-- src_embed javadoc.rate-limit -->
 * <pre>
 * SfsTurboJobsClient client = SfsTurboJobsClient.builder&#40;&#41;
 *     .region&#40;&quot;eu-de&quot;&#41;
 *     .overrideConfiguration&#40;o -&gt; o.rateLimit&#40;
 *         AdaptiveRateLimit.builder&#40;&#41;.maxRequestsPerSecond&#40;50&#41;.build&#40;&#41;&#41;&#41;
 *     .build&#40;&#41;;
 * </pre>
 * <!-- end javadoc.rate-limit -->
 */
public final class AdaptiveRateLimit {
  private static final AdaptiveRateLimit DEFAULTS = builder().build();
  private static final AdaptiveRateLimit DISABLED = builder().enabled(false).build();

  private final boolean enabled;
  private final double decreaseFactor;
  private final double minRequestsPerSecond;
  private final double maxRequestsPerSecond;

  private AdaptiveRateLimit(Builder b) {
    this.enabled = b.enabled;
    this.decreaseFactor = b.decreaseFactor;
    this.minRequestsPerSecond = b.minRequestsPerSecond;
    this.maxRequestsPerSecond = b.maxRequestsPerSecond;
  }

  /**
   * Returns the defaults: enabled, the rate ×0.7 at each throttling, at least 1 request per
   * second, no fixed maximum.
   *
   * @return the default settings
   */
  public static AdaptiveRateLimit defaults() {
    return DEFAULTS;
  }

  /**
   * Returns settings that turn client-side rate limiting off: throttled requests are then only
   * retried after their backoff or {@code Retry-After}.
   *
   * @return the disabled settings
   */
  public static AdaptiveRateLimit disabled() {
    return DISABLED;
  }

  /**
   * Returns a builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether the client limits its rate at all. */
  public boolean enabled() {
    return enabled;
  }

  /** Returns the factor the sending rate is multiplied by at each throttling (0.7 by default). */
  public double decreaseFactor() {
    return decreaseFactor;
  }

  /** Returns the rate the limiter never goes below, in requests per second. */
  public double minRequestsPerSecond() {
    return minRequestsPerSecond;
  }

  /** Returns a fixed ceiling in requests per second, applied from the first request; 0 for none. */
  public double maxRequestsPerSecond() {
    return maxRequestsPerSecond;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AdaptiveRateLimit)) {
      return false;
    }
    AdaptiveRateLimit other = (AdaptiveRateLimit) o;
    return enabled == other.enabled && decreaseFactor == other.decreaseFactor
        && minRequestsPerSecond == other.minRequestsPerSecond && maxRequestsPerSecond == other.maxRequestsPerSecond;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(enabled, decreaseFactor, minRequestsPerSecond, maxRequestsPerSecond);
  }

  @Override
  public String toString() {
    return enabled ? String.format(Locale.ROOT, "AdaptiveRateLimit{decreaseFactor=%s, min=%s/s, max=%s}",
        decreaseFactor, minRequestsPerSecond, maxRequestsPerSecond > 0 ? maxRequestsPerSecond + "/s" : "none")
        : "AdaptiveRateLimit{disabled}";
  }

  /** Configures an {@link AdaptiveRateLimit}. */
  public static final class Builder {
    private boolean enabled = true;
    private double decreaseFactor = 0.7;
    private double minRequestsPerSecond = 1;
    private double maxRequestsPerSecond;

    private Builder() {}

    /**
     * Turns the limiter on or off (default on).
     *
     * @param enabled whether to limit
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Sets the factor the rate is multiplied by at each throttling (default 0.7, as AWS SDK v2).
     *
     * @param factor above 0 and below 1
     * @return this builder
     */
    public Builder decreaseFactor(double factor) {
      if (!(factor > 0 && factor < 1)) {
        throw new IllegalArgumentException("decreaseFactor must be above 0 and below 1, was " + factor);
      }
      this.decreaseFactor = factor;
      return this;
    }

    /**
     * Sets the rate the limiter never goes below (default 1 request per second).
     *
     * @param perSecond positive
     * @return this builder
     */
    public Builder minRequestsPerSecond(double perSecond) {
      if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException("minRequestsPerSecond must be positive, was " + perSecond);
      }
      this.minRequestsPerSecond = perSecond;
      return this;
    }

    /**
     * Sets a fixed ceiling, applied from the first request, that adaptation never exceeds (a quota
     * you know); default 0, none.
     *
     * @param perSecond 0 for none, or positive
     * @return this builder
     */
    public Builder maxRequestsPerSecond(double perSecond) {
      if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException("maxRequestsPerSecond must be 0 (none) or positive, was " + perSecond);
      }
      this.maxRequestsPerSecond = perSecond;
      return this;
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     * @throws IllegalArgumentException when the maximum is below the minimum
     */
    public AdaptiveRateLimit build() {
      if (maxRequestsPerSecond > 0 && maxRequestsPerSecond < minRequestsPerSecond) {
        throw new IllegalArgumentException("maxRequestsPerSecond (" + maxRequestsPerSecond
            + ") must not be below minRequestsPerSecond (" + minRequestsPerSecond + ")");
      }
      return new AdaptiveRateLimit(this);
    }
  }
}
