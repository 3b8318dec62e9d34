// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.internal.http.Cancellable;
import io.sfsturbo.jobs.time.TimeSource;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A synchronous loop's pause between two tries: the calling thread parks until the time source's timer
 * wakes it, so that one time source (the system's, or the test kit's virtual one) times sync and async
 * loops alike. Cancelling it (the loop stopped) leaves the thread to be woken by the loop's unpark.
 */
final class SyncPause implements Cancellable {
  private final Thread thread = Thread.currentThread();
  private final AtomicBoolean woken = new AtomicBoolean();
  private volatile ScheduledFuture<?> timer;

  private SyncPause() {}

  /**
   * Starts a pause of the calling thread.
   *
   * @throws java.util.concurrent.RejectedExecutionException when the time source cannot schedule
   */
  static SyncPause start(TimeSource time, long delayNanos) {
    SyncPause p = new SyncPause();
    p.timer = time.schedule(p::wake, delayNanos, TimeUnit.NANOSECONDS);
    return p;
  }

  private void wake() {
    woken.set(true);
    LockSupport.unpark(thread);
  }

  /**
   * Parks until the timer fires or {@code stopped} says so after an unpark.
   *
   * @return false when the thread was interrupted (its flag is cleared; the caller decides)
   */
  boolean await(BooleanSupplier stopped) {
    while (!woken.get() && !stopped.getAsBoolean()) {
      LockSupport.park(this);
      if (Thread.interrupted()) {
        cancel();
        return false;
      }
    }
    return true;
  }

  @Override
  public void cancel() {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
  }
}
