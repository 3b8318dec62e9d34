// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import io.sfsturbo.jobs.time.TimeSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine side of {@link AdaptiveRateLimit}: one per client, consulted by every {@link AttemptLoop}
 * before each try. Dormant until the first throttling (a try costs a counter increment and one
 * volatile read, and each answer a counter increment); then a token bucket holding one second of requests, whose rate is multiplied
 * by the decrease factor at each throttling and grows back along a CUBIC curve (as TCP CUBIC and
 * AWS SDK v2's adaptive mode: fast far below the rate that was throttled, flat near it, probing
 * beyond it), never above twice the rate actually sent.
 *
 * <p>Tries reserve their slot ({@link #reserve()} returns how long to wait for it) rather than
 * poll for a token, so that tries held back do not return together: each is given its own time.
 * A decrease voids the slots handed out before it (they were spaced for the old rate): a try whose
 * slot comes in a later {@link #generation()} than it was reserved in reserves again.
 *
 * <p>Why throttlings are counted once per generation: when thousands of requests are in flight,
 * the 429s to all of them arrive within one round trip; lowering the rate for each would collapse
 * it to the minimum. A try remembers the {@link #generation()} it was sent in, and only a 429 to a
 * try sent at the current rate lowers it again, and not within {@link #WINDOW_NANOS} of the last
 * decrease: the requests sent at the old rate (in flight, or queued in the HTTP client) still reach
 * the gateway then and use its capacity, so it refuses some sent at the new rate too, which says
 * nothing of that rate (docs/performance-results.md shows what a burst does without this rule).
 *
 * <p>{@link #hold()} tells a try how long it would be held without reserving, so that a wait can
 * skip a poll that would come late rather than queue it ({@link Decider#onHeld}).
 */
public final class RateLimiter {
  /** A limiter that never limits: for clients that turned limiting off, and tests. */
  public static final RateLimiter NONE = new RateLimiter(AdaptiveRateLimit.disabled(), TimeSource.system());

  /** CUBIC's scale constant (AWS SDK v2 uses the same), in requests per second per cubed second. */
  static final double SCALE = 0.4;
  /** How often the sending rate is measured; the estimate is smoothed over windows. */
  static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final double SMOOTHING = 0.8;
  /**
   * The share of 429s among recent answers below which a 429 does not lower the rate: a gateway that
   * throttles a few requests now and then (not for their rate) would otherwise drive the rate down
   * step by step, as the rate never decides whether they come.
   */
  static final double SPORADIC = 0.05;
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final boolean enabled;
  private final double beta;
  private final double minRate;
  private final double maxRate;
  private final TimeSource ticker;
  private final LongAdder sent = new LongAdder();
  private final LongAdder throttledAnswers = new LongAdder();
  private volatile long windowStart;
  private volatile boolean engaged;
  private volatile int generation;

  // Guarded by this.
  private double measuredRate;
  private boolean measured;
  /** The last full window's answers and 429s, for the share of 429s. */
  private long lastWindowAnswers;
  private long lastWindowThrottled;
  private double fillRate;
  /** The bucket as a schedule (GCRA): when the next slot is free, one second of burst before it allowed. */
  private long theoreticalArrival;
  private double lastMaxRate;
  private long lastThrottleNanos;
  private double cubicK;

  /**
   * Creates a client's limiter.
   *
   * @param settings the user's settings
   * @param ticker the limiter's own time (whatever ticker the loops use)
   */
  public RateLimiter(AdaptiveRateLimit settings, TimeSource ticker) {
    this.enabled = settings.enabled();
    this.beta = settings.decreaseFactor();
    this.minRate = settings.minRequestsPerSecond();
    this.maxRate = settings.maxRequestsPerSecond();
    this.ticker = ticker;
    long now = ticker.nanoTime();
    this.windowStart = now;
    if (enabled && maxRate > 0) {
      fillRate = maxRate;
      lastMaxRate = maxRate;
      theoreticalArrival = now;
      engaged = true;
    }
  }

  /** Returns the current generation: it changes each time a throttling lowers the rate. */
  public int generation() {
    return generation;
  }

  /** Returns whether the bucket limits tries now; for tests and messages. */
  boolean engaged() {
    return engaged;
  }

  /** Returns the rate in force, in requests per second (0 while dormant). */
  synchronized double rate() {
    return engaged ? fillRate : 0;
  }

  /**
   * Returns how long a try reserving now would be held, without reserving.
   *
   * @return nanoseconds (0: a try would go at once)
   */
  public long hold() {
    if (!engaged) {
      return 0;
    }
    long now = ticker.nanoTime();
    synchronized (this) {
      return Math.max(0, theoreticalArrival - SECOND - now);
    }
  }

  /**
   * Reserves a slot for one try.
   *
   * @return nanoseconds to wait before the try (0: go now)
   */
  public long reserve() {
    if (!engaged) {
      return 0;
    }
    long now = ticker.nanoTime();
    synchronized (this) {
      long interval = (long) (SECOND / fillRate);
      long start = Math.max(now, theoreticalArrival - SECOND);
      theoreticalArrival = Math.max(theoreticalArrival, start) + interval;
      return start - now;
    }
  }

  /**
   * Hears a throttled try (HTTP 429).
   *
   * @param sentInGeneration the {@link #generation()} when the try was sent
   */
  public void throttled(int sentInGeneration) {
    if (!enabled) {
      return;
    }
    sent.increment();
    throttledAnswers.increment();
    long now = ticker.nanoTime();
    synchronized (this) {
      if (engaged && sentInGeneration != generation) {
        return;
      }
      if (generation > 0 && now - lastThrottleNanos < WINDOW_NANOS) {
        return; // the requests sent at the old rate are still arriving: the new one is not judged yet
      }
      long answers = lastWindowAnswers + sent.sum();
      long refused = lastWindowThrottled + throttledAnswers.sum();
      if (refused < SPORADIC * answers) {
        return;
      }
      if (now - windowStart >= WINDOW_NANOS / 5 || !measured) {
        measureLocked(now);
      }
      double rateToUse = engaged ? Math.min(measuredRate, fillRate) : measuredRate;
      rateToUse = Math.max(rateToUse, minRate);
      lastMaxRate = rateToUse;
      lastThrottleNanos = now;
      cubicK = Math.cbrt(lastMaxRate * (1 - beta) / SCALE);
      fillRate = clamp(rateToUse * beta);
      // The bucket starts empty (the requests just refused were the burst), and slots handed out
      // at the old rate are void: their tries see the new generation and reserve again.
      theoreticalArrival = now + SECOND;
      generation++;
      engaged = true;
    }
  }

  /** Hears a try that got an answer other than 429: the rate grows back. */
  public void passed() {
    if (!enabled) {
      return;
    }
    // Answers, not tries started, are what the gateway let through: measured as AWS SDK v2 does.
    sent.increment();
    long now = ticker.nanoTime();
    if (now - windowStart >= WINDOW_NANOS) {
      measure(now);
    }
    if (!engaged) {
      return;
    }
    synchronized (this) {
      if (lastThrottleNanos == 0 && lastMaxRate == maxRate && maxRate > 0 && generation == 0) {
        return; // a fixed ceiling, never throttled: nothing to recover
      }
      double t = (now - lastThrottleNanos) / 1e9;
      double cubic = SCALE * Math.pow(t - cubicK, 3) + lastMaxRate;
      double ceiling = measured ? 2 * measuredRate : cubic;
      fillRate = clamp(Math.min(cubic, Math.max(ceiling, minRate)));
    }
  }

  private double clamp(double rate) {
    double r = Math.max(rate, minRate);
    return maxRate > 0 ? Math.min(r, maxRate) : r;
  }

  private synchronized void measure(long now) {
    if (now - windowStart >= WINDOW_NANOS) {
      measureLocked(now);
    }
  }

  private void measureLocked(long now) {
    long elapsed = now - windowStart;
    if (elapsed <= 0) {
      return;
    }
    long answers = sent.sumThenReset();
    lastWindowAnswers = answers;
    lastWindowThrottled = throttledAnswers.sumThenReset();
    double rate = answers * (double) SECOND / elapsed;
    measuredRate = measured ? SMOOTHING * rate + (1 - SMOOTHING) * measuredRate : rate;
    measured = true;
    windowStart = now;
  }
}
