// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.internal.http.Cancellable;
import io.sfsturbo.jobs.time.TimeSource;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Times a loop's next try. Async, the time source runs it later on its own thread, and no thread is held
 * meanwhile. Sync, the caller's thread runs it after a pause ({@link SyncPause}), so that a blocking call
 * pays no thread hand-off; the loop's {@code run} asks {@link #takeSyncDelay()} for it. A stop cancels what
 * is pending and wakes a paused caller.
 */
final class TryTimer {
  /** What the timer needs of its loop. */
  interface Loop {
    void tryOnce();

    boolean isDone();

    /** The time source refused to schedule, or the sync caller was interrupted (then {@code e} is set). */
    void cannotWait(RuntimeException refused, InterruptedException e);
  }

  private final TimeSource time;
  private final Loop loop;
  private final boolean sync;
  private final Thread syncThread;
  private volatile Cancellable pending = Cancellable.NONE;
  private volatile boolean running = true;
  private long syncDelayNanos = -1;

  TryTimer(TimeSource time, Loop loop, boolean sync) {
    this.time = time;
    this.loop = loop;
    this.sync = sync;
    this.syncThread = sync ? Thread.currentThread() : null;
  }

  /** Times the next try: the sync run pauses for it, an async loop schedules it. */
  void nextTryIn(long delayNanos) {
    if (sync) {
      syncDelayNanos = delayNanos;
    } else {
      schedule(delayNanos);
    }
  }

  /** Sync: the delay the last decision set, -1 when none (and resets it). */
  long takeSyncDelay() {
    long d = syncDelayNanos;
    syncDelayNanos = -1;
    return d;
  }

  /** Waits, sync or async, then runs the loop's next try (a slot of the rate limiter). */
  void tryAfter(long delayNanos) {
    if (sync) {
      if (pause(delayNanos)) {
        loop.tryOnce();
      }
    } else {
      schedule(delayNanos);
    }
  }

  /** Sync: parks until the time source's timer wakes this thread; returns false when the loop ended meanwhile. */
  boolean pause(long delayNanos) {
    SyncPause p;
    try {
      p = SyncPause.start(time, delayNanos);
    } catch (RuntimeException rejected) {
      loop.cannotWait(rejected, null);
      return false;
    }
    pending = p;
    BooleanSupplier stopped = () -> loop.isDone() || !running;
    if (!p.await(stopped)) {
      Thread.currentThread().interrupt();
      loop.cannotWait(null, new InterruptedException());
    }
    return !loop.isDone();
  }

  /** Async: runs the next try after a delay, on the time source's thread. */
  void schedule(long delayNanos) {
    if (loop.isDone()) {
      return;
    }
    if (delayNanos <= 0) {
      loop.tryOnce();
      return;
    }
    try {
      ScheduledFuture<?> f = time.schedule(loop::tryOnce, delayNanos, TimeUnit.NANOSECONDS);
      pending = () -> f.cancel(false);
    } catch (RuntimeException rejected) {
      loop.cannotWait(rejected, null);
    }
    if (loop.isDone()) {
      pending.cancel();
    }
  }

  /** Cancels what is pending and wakes a paused sync caller. */
  void stop() {
    running = false;
    pending.cancel();
    if (syncThread != null) {
      LockSupport.unpark(syncThread);
    }
  }
}
