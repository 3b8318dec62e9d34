// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.retry.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How a wait polls: delays, backoff, jitter, deadline and tolerance of errors. An immutable value;
 * {@link #defaults()} suits most SFS Turbo operations (which take seconds to minutes).
 *
 * <!-- src_embed javadoc.wait-options -->
 * <pre>
 * WaitOptions options = WaitOptions.builder&#40;&#41;
 *     .pollInterval&#40;Duration.ofSeconds&#40;5&#41;&#41;
 *     .maxInterval&#40;Duration.ofMinutes&#40;1&#41;&#41;
 *     .timeout&#40;Duration.ofHours&#40;1&#41;&#41;
 *     .build&#40;&#41;;
 * </pre>
 * <!-- end javadoc.wait-options -->
 *
 * <p>The overall {@link Builder#timeout(Duration) timeout} is the primary bound: the delay before a
 * poll is clamped to the time left, so that one last poll still fits before the deadline rather than the
 * wait giving up early; {@link Builder#maxAttempts(int)} is an optional extra bound, unset by default.
 *
 * <p>Options compare by what they say about the schedule: the listener is behaviour, not part of
 * {@code equals} (nor of a {@link WaitCheckpoint}); {@code toString} names its class when one is set.
 * Every duration is at most 365 days, beyond which a builder refuses it with an
 * {@link IllegalArgumentException}.
 *
 * <p>The schedule is kept from the wait's start: poll {@code k + 1} is due one delay after poll
 * {@code k} was due, whatever its round trip took. A poll answered after the next one was due (it
 * was slow, retried or held by the client's rate limiter) counts as that one, so the schedule never
 * brings more polls than it lists.
 */
public final class WaitOptions {
  private final Duration initialDelay;
  private final Duration pollInterval;
  private final double backoffMultiplier;
  private final Duration maxInterval;
  private final double jitter;
  private final Duration timeout;
  private final int maxAttempts;
  private final int maxConsecutiveTransientErrors;
  private final Duration notFoundGracePeriod;
  private final UnknownStatusPolicy unknownStatusPolicy;
  private final JobProgressListener listener;
  private final Backoff pollBackoff;

  private WaitOptions(Builder b) {
    this.initialDelay = b.initialDelay;
    this.pollInterval = b.pollInterval;
    this.backoffMultiplier = b.backoffMultiplier;
    this.maxInterval = b.maxInterval;
    this.jitter = b.jitter;
    this.timeout = b.timeout;
    this.maxAttempts = b.maxAttempts;
    this.maxConsecutiveTransientErrors = b.maxConsecutiveTransientErrors;
    this.notFoundGracePeriod = b.notFoundGracePeriod;
    this.unknownStatusPolicy = b.unknownStatusPolicy;
    this.listener = b.listener;
    this.pollBackoff = Backoff.of(pollInterval, backoffMultiplier, maxInterval, jitter);
  }

  /** Returns the defaults: first poll at once, 2 s interval growing ×1.5 to 30 s, jitter 0.2, 30 min timeout. */
  public static WaitOptions defaults() {
    return DEFAULTS;
  }

  /** Returns the defaults with a caller's changes: {@code WaitOptions.of(o -> o.timeout(Duration.ofMinutes(5)))}. */
  public static WaitOptions of(java.util.function.Consumer<Builder> changes) {
    Objects.requireNonNull(changes, "changes");
    Builder b = builder();
    changes.accept(b);
    return b.build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these options. */
  public Builder toBuilder() {
    // Through the setters: values these options hold always pass their checks again.
    return builder().initialDelay(initialDelay).pollInterval(pollInterval).backoffMultiplier(backoffMultiplier)
        .maxInterval(maxInterval).jitter(jitter).timeout(timeout).maxAttempts(maxAttempts)
        .maxConsecutiveTransientErrors(maxConsecutiveTransientErrors).notFoundGracePeriod(notFoundGracePeriod)
        .unknownStatusPolicy(unknownStatusPolicy).listener(listener);
  }

  /** Returns the delay before the first poll. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** Returns the delay after the first poll, before backoff. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** Returns the factor by which the delay grows after each poll. */
  public double backoffMultiplier() {
    return backoffMultiplier;
  }

  /** Returns the largest delay between polls, before jitter. */
  public Duration maxInterval() {
    return maxInterval;
  }

  /** Returns the schedule of polls as the SDK's one backoff type: interval, multiplier, cap, jitter. */
  public Backoff pollBackoff() {
    return pollBackoff;
  }

  /** Returns the jitter fraction j: each delay d is drawn from [d(1-j), d]. */
  public double jitter() {
    return jitter;
  }

  /** Returns the overall deadline of the wait, measured from its start. */
  public Duration timeout() {
    return timeout;
  }

  /** Returns the most polls, or 0 when only the timeout bounds the wait. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns how many failed polls in a row end the wait: transient failures (no response, 429, 5xx) and
   * unreadable answers, each polled again after the client's retry backoff (and {@code Retry-After}); default 10.
   */
  public int maxConsecutiveTransientErrors() {
    return maxConsecutiveTransientErrors;
  }

  /** Returns how long after the start a 404 {@code SFS.TURBO.0019} is taken as "not visible yet". */
  public Duration notFoundGracePeriod() {
    return notFoundGracePeriod;
  }

  /** Returns what an undocumented status does. */
  public UnknownStatusPolicy unknownStatusPolicy() {
    return unknownStatusPolicy;
  }

  /** Returns the progress listener (a no-op unless set). */
  public JobProgressListener listener() {
    return listener;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WaitOptions)) {
      return false;
    }
    WaitOptions w = (WaitOptions) o;
    return initialDelay.equals(w.initialDelay) && pollInterval.equals(w.pollInterval)
        && Double.compare(backoffMultiplier, w.backoffMultiplier) == 0 && maxInterval.equals(w.maxInterval)
        && Double.compare(jitter, w.jitter) == 0 && timeout.equals(w.timeout) && maxAttempts == w.maxAttempts
        && maxConsecutiveTransientErrors == w.maxConsecutiveTransientErrors
        && notFoundGracePeriod.equals(w.notFoundGracePeriod) && unknownStatusPolicy == w.unknownStatusPolicy;
  }

  @Override
  public int hashCode() {
    return Objects.hash(initialDelay, pollInterval, backoffMultiplier, maxInterval, jitter, timeout, maxAttempts,
        maxConsecutiveTransientErrors, notFoundGracePeriod, unknownStatusPolicy);
  }

  @Override
  public String toString() {
    return "WaitOptions{initialDelay=" + initialDelay + ", pollInterval=" + pollInterval + ", backoffMultiplier="
        + backoffMultiplier + ", maxInterval=" + maxInterval + ", jitter=" + jitter + ", timeout=" + timeout
        + ", maxAttempts=" + maxAttempts + ", maxConsecutiveTransientErrors=" + maxConsecutiveTransientErrors
        + ", notFoundGracePeriod=" + notFoundGracePeriod + ", unknownStatusPolicy=" + unknownStatusPolicy
        + (listener == NO_LISTENER ? "" : ", listener=" + listener.getClass().getName()) + '}';
  }
  /** The longest duration of any option: a year, far beyond any job, so that no arithmetic can overflow. */
  static final Duration MAX_DURATION = Duration.ofDays(365);

  static final JobProgressListener NO_LISTENER = new JobProgressListener() {};
  /** After the constants it reads. */
  private static final WaitOptions DEFAULTS = new Builder().build();

  /** Builds {@link WaitOptions}. */
  public static final class Builder {
    private Duration initialDelay = Duration.ZERO;
    private Duration pollInterval = Duration.ofSeconds(2);
    private double backoffMultiplier = 1.5;
    private Duration maxInterval = Duration.ofSeconds(30);
    private double jitter = 0.2;
    private Duration timeout = Duration.ofMinutes(30);
    private int maxAttempts;
    private int maxConsecutiveTransientErrors = 10;
    private Duration notFoundGracePeriod = Duration.ofSeconds(30);
    private UnknownStatusPolicy unknownStatusPolicy = UnknownStatusPolicy.KEEP_POLLING;
    private JobProgressListener listener = NO_LISTENER;

    private Builder() {}

    /**
     * Sets {@code initialDelay} (default zero: the first poll at once).
     *
     * @param d zero or positive, at most 365 days; the delay before the first poll
     * @return this builder
     */
    public Builder initialDelay(Duration d) {
      this.initialDelay = Durations.requireBetween("initialDelay", d, Duration.ZERO, MAX_DURATION, "365 days");
      return this;
    }

    /**
     * Sets {@code pollInterval} (default 2 s).
     *
     * @param d at least a millisecond, at most 365 days; the delay after the first poll
     * @return this builder
     */
    public Builder pollInterval(Duration d) {
      this.pollInterval = Durations.requireBetween("pollInterval", d, Duration.ofMillis(1), MAX_DURATION, "365 days");
      return this;
    }

    /**
     * Sets {@code backoffMultiplier} (default 1.5).
     *
     * @param m at least 1 (1 means a fixed interval)
     * @return this builder
     */
    public Builder backoffMultiplier(double m) {
      if (!(m >= 1.0) || Double.isInfinite(m)) {
        throw new IllegalArgumentException("backoffMultiplier must be a finite number of at least 1, was " + m);
      }
      this.backoffMultiplier = m;
      return this;
    }

    /**
     * Sets {@code maxInterval} (default 30 s).
     *
     * @param d at least a millisecond, at most 365 days; the largest delay between polls
     * @return this builder
     */
    public Builder maxInterval(Duration d) {
      this.maxInterval = Durations.requireBetween("maxInterval", d, Duration.ofMillis(1), MAX_DURATION, "365 days");
      return this;
    }

    /**
     * Sets the jitter fraction (default 0.2). At most 0.5, so that a delay keeps at least half its length and
     * a poll never fires almost at once.
     *
     * @param j in [0, 0.5]
     * @return this builder
     */
    public Builder jitter(double j) {
      if (!(j >= 0.0 && j <= 0.5)) {
        throw new IllegalArgumentException("jitter must be between 0 and 0.5, was " + j);
      }
      this.jitter = j;
      return this;
    }

    /**
     * Sets {@code timeout} (default 30 min).
     *
     * @param d at least a millisecond, at most 365 days; the overall deadline
     * @return this builder
     */
    public Builder timeout(Duration d) {
      this.timeout = Durations.requireBetween("timeout", d, Duration.ofMillis(1), MAX_DURATION, "365 days");
      return this;
    }

    /**
     * Sets {@code maxAttempts} (default 0: no limit but the timeout).
     *
     * @param n at least 1, or 0 for no limit but the timeout
     * @return this builder
     */
    public Builder maxAttempts(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxAttempts must be 0 (no limit) or more, was " + n);
      }
      this.maxAttempts = n;
      return this;
    }

    /**
     * Sets {@code maxConsecutiveTransientErrors} (default 10).
     *
     * @param n at least 1: failures in a row, after the client's own retries, that end the wait
     * @return this builder
     */
    public Builder maxConsecutiveTransientErrors(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxConsecutiveTransientErrors must be at least 1, was " + n);
      }
      this.maxConsecutiveTransientErrors = n;
      return this;
    }

    /**
     * Sets {@code notFoundGracePeriod} (default 30 s).
     *
     * @param d zero (no grace) or positive, at most 365 days
     * @return this builder
     */
    public Builder notFoundGracePeriod(Duration d) {
      this.notFoundGracePeriod = Durations.requireBetween("notFoundGracePeriod", d, Duration.ZERO, MAX_DURATION,
          "365 days");
      return this;
    }

    /**
     * Sets {@code unknownStatusPolicy} (default {@link UnknownStatusPolicy#KEEP_POLLING}).
     *
     * @param policy what an undocumented status does
     * @return this builder
     */
    public Builder unknownStatusPolicy(UnknownStatusPolicy policy) {
      this.unknownStatusPolicy = Objects.requireNonNull(policy, "unknownStatusPolicy");
      return this;
    }

    /**
     * Sets {@code listener} (default: none).
     *
     * @param listener hears status changes
     * @return this builder
     */
    public Builder listener(JobProgressListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Returns the options; {@code maxInterval} must not be less than {@code pollInterval}. */
    public WaitOptions build() {
      if (maxInterval.compareTo(pollInterval) < 0) {
        throw new IllegalArgumentException("maxInterval (" + maxInterval + ") must not be less than pollInterval ("
            + pollInterval + ")");
      }
      return new WaitOptions(this);
    }
  }
}
