// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.time.TimeSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds whole attempts in real time: an attempt arms a timer with its bound, and a sweep every
 * {@link #PERIOD_NANOS} fires the timers whose time has passed (which cancels their HTTP call, whatever
 * stage it is in: connect, TLS handshake, headers dripped one line at a time, a flood of 1xx answers, a
 * body trickling one byte a second). The read timeout alone cannot do this: every byte restarts it.
 *
 * <p>Why a sweep and not a timer per attempt: arming a timer per call (OkHttp's call timeout, or a
 * scheduled task) wakes a timer thread on every call; arming one here is one concurrent-set insert, and
 * the sweep runs only while timers are armed. The price is precision: a timer fires up to one period late.
 *
 * <p>Why real time whatever the client's time source: a socket waits in real time, and a virtual clock
 * (the test kit's) must not fire a timer for an answer that takes a real millisecond.
 */
public final class AttemptWatchdog {
  /** How often armed timers are checked: the most a bound fires late. */
  public static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final TimeSource realTime;
  private final Set<Timer> armed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean sweeping = new AtomicBoolean();

  /**
   * Creates a watchdog.
   *
   * @param realTime real time: {@link TimeSource#system()} whatever the client's time source (a test may step
   *     its own)
   */
  public AttemptWatchdog(TimeSource realTime) {
    this.realTime = realTime;
  }

  /**
   * Arms a timer.
   *
   * @param timeoutNanos how long from now until it fires, positive
   * @param onExpiry what to do then (cancel the call); runs on the scheduler's thread
   * @return the timer, to disarm when the attempt ends
   */
  public Timer arm(long timeoutNanos, Runnable onExpiry) {
    Timer timer = new Timer(realTime.nanoTime(), timeoutNanos, onExpiry);
    armed.add(timer);
    if (!sweeping.get() && sweeping.compareAndSet(false, true)) {
      scheduleSweep();
    }
    return timer;
  }

  /** Returns how many timers are armed; for tests. */
  int armedCount() {
    return armed.size();
  }

  private void scheduleSweep() {
    try {
      realTime.schedule(this::sweep, PERIOD_NANOS, TimeUnit.NANOSECONDS);
    } catch (RuntimeException rejected) {
      // The scheduler is shut down: nothing can time out any more, so fire every timer now rather
      // than let an attempt run unbounded.
      sweeping.set(false);
      for (Timer t : armed) {
        t.fire();
      }
    }
  }

  /** Fires the timers due; public for tests that step time by hand. */
  void sweep() {
    long now = realTime.nanoTime();
    for (Timer t : armed) {
      if (now - t.armedAt >= t.timeoutNanos) {
        t.fire();
      }
    }
    if (armed.isEmpty()) {
      sweeping.set(false);
      // A timer armed between the check and the reset saw sweeping still true: take over for it.
      if (armed.isEmpty() || !sweeping.compareAndSet(false, true)) {
        return;
      }
    }
    scheduleSweep();
  }

  /** One armed bound. */
  public final class Timer {
    private final long armedAt;
    private final long timeoutNanos;
    private final Runnable onExpiry;
    private volatile boolean fired;

    Timer(long armedAt, long timeoutNanos, Runnable onExpiry) {
      this.armedAt = armedAt;
      this.timeoutNanos = timeoutNanos;
      this.onExpiry = onExpiry;
    }

    /** Stops the timer: the attempt ended in time. */
    public void disarm() {
      armed.remove(this);
    }

    /** Returns whether the timer fired, that is whether the attempt was stopped for its bound. */
    public boolean fired() {
      return fired;
    }

    void fire() {
      if (armed.remove(this)) {
        fired = true;
        onExpiry.run();
      }
    }
  }
}
