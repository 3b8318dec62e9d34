// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.waiter;

import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.retry.Backoff;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a wait polls: its schedule is anchored at the wait's start, poll {@code k + 1} due one backoff delay
 * after poll {@code k} was <em>due</em>, not after its answer came, so that round trips, queueing and the
 * rate limiter's holds do not push the rest of the schedule back. A poll whose answer comes after the next
 * due time counts as that poll: the schedule moves on to its first step due at least half a step after the
 * answer, so a late poll never brings more polls and a slowing server gets fewer. Times are spans since the
 * wait started; arithmetic saturates.
 */
final class PollSchedule {
  /**
   * The longest hold of the rate limiter a poll waits for, as a share of the time since the wait last read
   * the job: the chance that a poll sees the job's end grows with that time, so the gateway's capacity goes
   * first to the polls most likely to see it, and those are held only a small share of their interval.
   */
  static final double HOLD_SHARE = 0.25;
  /** The most steps one late answer passes over; beyond it the schedule restarts from the answer. */
  static final int MAX_CATCH_UP = 64;

  private final Backoff backoff;
  private final DoubleSupplier jitter;
  private int step;
  private long dueNanos;
  private long lastReadNanos;

  /**
   * @param backoff the options' poll backoff
   * @param jitter draws in [0, 1)
   * @param step how many steps have passed (a checkpoint's)
   * @param dueNanos when the next poll is due
   * @param lastReadNanos when a poll last read the job; the start if none has
   */
  PollSchedule(Backoff backoff, DoubleSupplier jitter, int step, long dueNanos, long lastReadNanos) {
    this.backoff = backoff;
    this.jitter = jitter;
    this.step = step;
    this.dueNanos = dueNanos;
    this.lastReadNanos = lastReadNanos;
  }

  /** Notes that a poll just read the job. */
  void read(long nowNanos) {
    lastReadNanos = nowNanos;
  }

  /**
   * Moves the schedule on to its first step due at least half that step's delay after now, and returns
   * the delay until it.
   */
  Duration next(long nowNanos) {
    for (int i = 1; ; i++) {
      long delay = Durations.saturatedNanos(backoff.delay(step, jitter.getAsDouble()));
      step = Durations.increment(step);
      dueNanos = Durations.add(dueNanos, delay);
      if (dueNanos - nowNanos >= delay / 2 && dueNanos > nowNanos) {
        break;
      }
      if (delay == 0 || i == MAX_CATCH_UP) {
        dueNanos = Durations.add(nowNanos, delay);
        break;
      }
    }
    return Duration.ofNanos(Math.max(0, dueNanos - nowNanos));
  }

  /** Shortens the step just taken so that the next poll is due at {@code atNanos} (a grace period's end). */
  Duration dueAt(long nowNanos, long atNanos) {
    dueNanos = atNanos;
    return Duration.ofNanos(Math.max(0, atNanos - nowNanos));
  }

  /** Whether a poll the rate limiter would hold this long is better skipped for the next step. */
  boolean skips(long holdNanos, long nowNanos) {
    return holdNanos > HOLD_SHARE * (nowNanos - lastReadNanos);
  }

  /** Returns how many steps have passed. */
  int step() {
    return step;
  }
}
