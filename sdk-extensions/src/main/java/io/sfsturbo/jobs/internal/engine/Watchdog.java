// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds whole tries: a try arms a guard with its timeout, and a sweep every {@link #PERIOD_NANOS}
 * fires the guards whose time has passed (which cancels their HTTP call, whatever stage it is in:
 * connect, TLS handshake, headers dripped one line at a time, a flood of 1xx answers, a body
 * trickling one byte a second). The read timeout alone cannot do this: every byte restarts it.
 *
 * <p>Why a sweep and not a timer per try: arming a timer per call (OkHttp's call timeout, or a
 * scheduled task) wakes a timer thread on every call, which measured about 5 % of a loopback call;
 * arming a guard here is one concurrent-set insert, and the sweep runs only while guards are armed.
 * The price is precision: a guard fires up to one period late.
 */
public final class Watchdog {
  /** How often armed guards are checked: the most a timeout fires late. */
  public static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Ticker ticker;
  private final Scheduler scheduler;
  private final Set<Guard> armed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean sweeping = new AtomicBoolean();

  /**
   * Creates a watchdog.
   *
   * @param ticker the time deadlines are read from
   * @param scheduler runs the sweeps
   */
  public Watchdog(Ticker ticker, Scheduler scheduler) {
    this.ticker = ticker;
    this.scheduler = scheduler;
  }

  /**
   * Arms a guard.
   *
   * @param timeoutNanos how long from now until it fires
   * @param onExpiry what to do then (cancel the call); runs on the scheduler's thread
   * @return the guard, to disarm when the try ends
   */
  public Guard arm(long timeoutNanos, Runnable onExpiry) {
    Guard guard = new Guard(ticker.nanoTime() + timeoutNanos, onExpiry);
    armed.add(guard);
    if (!sweeping.get() && sweeping.compareAndSet(false, true)) {
      scheduleSweep();
    }
    return guard;
  }

  /** Returns how many guards are armed; for tests. */
  int armedCount() {
    return armed.size();
  }

  private void scheduleSweep() {
    try {
      scheduler.schedule(this::sweep, PERIOD_NANOS);
    } catch (RuntimeException rejected) {
      // The scheduler is shut down: nothing can time out any more, so fire every guard now
      // rather than let a try run unbounded.
      sweeping.set(false);
      for (Guard g : armed) {
        g.fire();
      }
    }
  }

  private void sweep() {
    long now = ticker.nanoTime();
    for (Guard g : armed) {
      if (now - g.deadline >= 0) {
        g.fire();
      }
    }
    if (armed.isEmpty()) {
      sweeping.set(false);
      // A guard armed between the check and the reset saw sweeping still true: take over for it.
      if (armed.isEmpty() || !sweeping.compareAndSet(false, true)) {
        return;
      }
    }
    scheduleSweep();
  }

  /** One armed timeout. */
  public final class Guard {
    private final long deadline;
    private final Runnable onExpiry;
    private volatile boolean fired;

    Guard(long deadline, Runnable onExpiry) {
      this.deadline = deadline;
      this.onExpiry = onExpiry;
    }

    /** Stops the guard: the try ended in time. */
    public void disarm() {
      armed.remove(this);
    }

    /** Returns whether the guard fired, that is whether the try was stopped for its timeout. */
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
