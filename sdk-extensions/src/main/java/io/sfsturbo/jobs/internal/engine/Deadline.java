// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.internal.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A loop's budget and its final window, the one place they are computed: a delay is clamped so that one
 * last try starts no later than {@link #latestStartNanos()}, leaving it the window (at most a second, at
 * most the attempt bound, at most half the budget) before the deadline. Times are spans since the start.
 */
public final class Deadline {
  /** The most time a last try is given before the deadline, when the attempt bound allows. */
  public static final long FINAL_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final long budgetNanos;
  private final long latestStartNanos;

  /**
   * Creates the deadline of a loop.
   *
   * @param budget the whole loop's time; any length (saturated)
   * @param attemptTimeout the bound of one try
   */
  public Deadline(Duration budget, Duration attemptTimeout) {
    this.budgetNanos = Durations.saturatedNanos(budget);
    this.latestStartNanos = budgetNanos - window(budgetNanos, Durations.saturatedNanos(attemptTimeout));
  }

  private static long window(long budgetNanos, long attemptNanos) {
    return Math.min(FINAL_WINDOW_NANOS, Math.min(attemptNanos, budgetNanos / 2));
  }

  /**
   * Returns the wall-clock latest start of a wait that keeps its own schedule (a durable workflow's timers).
   *
   * @param start when the wait started
   * @param timeout its whole timeout
   * @param attemptTimeout the bound of one poll
   * @return the latest instant a poll may start at
   */
  public static Instant latestStart(Instant start, Duration timeout, Duration attemptTimeout) {
    Deadline d = new Deadline(timeout, attemptTimeout);
    return start.plusNanos(d.latestStartNanos);
  }

  /** Returns the budget in nanoseconds. */
  public long budgetNanos() {
    return budgetNanos;
  }

  /** Returns the latest time a try may start, as a span since the start. */
  public long latestStartNanos() {
    return latestStartNanos;
  }

  /**
   * Returns the time left.
   *
   * @param elapsedNanos time since the start
   * @return nanoseconds, zero or less when the deadline has passed
   */
  public long leftNanos(long elapsedNanos) {
    return budgetNanos - elapsedNanos;
  }

  /**
   * Returns the delay before the next try: the one asked for when the try still starts by the last start;
   * else the time to the last start, when the floor allows it and no try has started there yet; else -1,
   * the loop ends.
   *
   * @param nowNanos time since the start
   * @param delayNanos the delay asked for
   * @param floorNanos the least delay (the server's), zero for none
   * @param lastTryStartNanos when the last try started, -1 before the first
   * @return the delay, or -1 when no further try fits
   */
  public long delayBefore(long nowNanos, long delayNanos, long floorNanos, long lastTryStartNanos) {
    if (Durations.add(nowNanos, delayNanos) <= latestStartNanos) {
      return delayNanos;
    }
    if (!floorPasses(nowNanos, floorNanos) && lastTryStartNanos < latestStartNanos) {
      return Math.max(0, latestStartNanos - nowNanos);
    }
    return -1;
  }

  /**
   * Returns whether a floor (the server's wait) ends past the last start, so that no try it allows fits.
   *
   * @param nowNanos time since the start
   * @param floorNanos the floor, zero for none
   * @return whether the floor does not fit
   */
  public boolean floorPasses(long nowNanos, long floorNanos) {
    return floorNanos > 0 && Durations.add(nowNanos, floorNanos) > latestStartNanos;
  }
}
