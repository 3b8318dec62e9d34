// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.time;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link TimeSource#system()}: the system's clocks, an executor's timers and thread-local random jitter. */
final class SystemTimeSource implements TimeSource {
  /** The source every client uses unless it is given another. */
  static final SystemTimeSource SHARED = new SystemTimeSource(null);

  private static final AtomicInteger THREADS = new AtomicInteger();
  private final ScheduledExecutorService scheduler;

  /**
   * Creates a source on an executor.
   *
   * @param scheduler the executor, or null for the shared one (created on first use)
   */
  SystemTimeSource(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** The one small scheduler shared by default: daemon threads, so that a pending wait never keeps the JVM alive. */
  private static final class Shared {
    static final ScheduledExecutorService INSTANCE = create();

    private static ScheduledExecutorService create() {
      ThreadFactory factory = r -> {
        Thread t = new Thread(r, "sfsturbo-scheduler-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, factory);
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    Objects.requireNonNull(task, "task");
    return (scheduler != null ? scheduler : Shared.INSTANCE).schedule(task, Math.max(0, delay), unit);
  }

  @Override
  public double jitter() {
    return ThreadLocalRandom.current().nextDouble();
  }

  @Override
  public String toString() {
    return scheduler == null ? "TimeSource.system()" : "TimeSource.system(" + scheduler.getClass().getSimpleName() + ")";
  }
}
