// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testing;

import io.sfsturbo.jobs.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The SDK's time for its own unit tests (the test kit's {@code VirtualTime} serves users; this module cannot
 * depend on the test kit). Virtual: it moves only when a task is run. Automatic, a driver thread runs every
 * task as soon as it is scheduled, in the order due, jumping the clock to it (sync loops park meanwhile).
 * Manual, tasks wait until the test runs them ({@link #runAll}, {@link #advanceMillis}), so that a test can
 * look at what is pending. No test that uses it sleeps in real time.
 */
public final class FakeTime implements TimeSource {
  /** How long an idle driver thread waits for more tasks before it ends. */
  private static final long IDLE_MILLIS = 1_000;
  private final Object lock = new Object();
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private final boolean automatic;
  private final List<Long> scheduledMillis = new ArrayList<>();
  private DoubleSupplier jitter = () -> 0.5;
  private long now = 1_000_000_000L;
  private Instant origin = Instant.parse("2026-01-01T00:00:00Z").minusNanos(1_000_000_000L);
  private long order;
  private Thread driver;

  private FakeTime(boolean automatic) {
    this.automatic = automatic;
  }

  /** Time whose tasks run at once on a driver thread: for sync loops and futures awaited with get(). */
  public static FakeTime automatic() {
    return new FakeTime(true);
  }

  /** Time whose tasks run only when the test says: for looking at what is pending. */
  public static FakeTime manual() {
    return new FakeTime(false);
  }

  public FakeTime withJitter(DoubleSupplier draws) {
    this.jitter = draws;
    return this;
  }

  @Override
  public long nanoTime() {
    synchronized (lock) {
      return now;
    }
  }

  /** Makes the wall clock show this instant now. */
  public FakeTime at(Instant instant) {
    synchronized (lock) {
      origin = instant.minusNanos(now);
    }
    return this;
  }

  @Override
  public Instant now() {
    synchronized (lock) {
      return origin.plusNanos(now);
    }
  }

  @Override
  public double jitter() {
    return jitter.getAsDouble();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    synchronized (lock) {
      long nanos = Math.max(0, unit.toNanos(delay));
      scheduledMillis.add(TimeUnit.NANOSECONDS.toMillis(nanos));
      Task t = new Task(task, now + nanos, order++);
      queue.add(t);
      if (automatic && driver == null) {
        driver = new Thread(this::drive, "fake-time");
        driver.setDaemon(true);
        driver.start();
      }
      lock.notifyAll();
      return t;
    }
  }

  /** Lets virtual time pass for the caller: blocks until the clock is {@code millis} further (automatic only). */
  public void sleepMillis(long millis) {
    CountDownLatch done = new CountDownLatch(1);
    schedule(done::countDown, millis, TimeUnit.MILLISECONDS);
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Manual: moves the clock on, running the tasks due meanwhile in order. */
  public void advanceMillis(long ms) {
    long until = nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    runDue(until);
    synchronized (lock) {
      now = Math.max(now, until);
    }
  }

  /** Manual: moves the clock on by nanoseconds, running the tasks due meanwhile. */
  public void advanceNanos(long nanos) {
    long until = nanoTime() + nanos;
    runDue(until);
    synchronized (lock) {
      now = Math.max(now, until);
    }
  }

  /** Manual: runs every task until none is left or the limit passes; returns the virtual time spent. */
  public long runAll(long limitMillis) {
    long start = nanoTime();
    runDue(start + TimeUnit.MILLISECONDS.toNanos(limitMillis));
    return TimeUnit.NANOSECONDS.toMillis(nanoTime() - start);
  }

  private void runDue(long until) {
    while (true) {
      Task t;
      synchronized (lock) {
        t = queue.peek();
        if (t == null || t.at > until) {
          return;
        }
        queue.poll();
        if (t.isCancelled()) {
          continue;
        }
        now = Math.max(now, t.at);
      }
      t.run();
    }
  }

  private void drive() {
    while (true) {
      Task t;
      synchronized (lock) {
        if (queue.isEmpty()) {
          // Idle: wait a little for more (a wait's next timer comes once its HTTP answer is read), then end,
          // so that no driver outlives its use; the next schedule starts another.
          try {
            lock.wait(IDLE_MILLIS);
          } catch (InterruptedException e) {
            driver = null;
            return;
          }
          if (queue.isEmpty()) {
            driver = null;
            return;
          }
        }
        t = queue.poll();
        if (t.isCancelled()) {
          continue;
        }
        now = Math.max(now, t.at);
      }
      t.run();
    }
  }

  /** Returns how many tasks wait, cancelled ones aside. */
  public int pendingTasks() {
    synchronized (lock) {
      int n = 0;
      for (Task t : queue) {
        if (!t.isCancelled()) {
          n++;
        }
      }
      return n;
    }
  }

  /** Returns the delays scheduled so far, in milliseconds. */
  public List<Long> scheduledMillis() {
    synchronized (lock) {
      return new ArrayList<>(scheduledMillis);
    }
  }

  public long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanoTime() - startNanos);
  }

  public Duration since(long startNanos) {
    return Duration.ofNanos(nanoTime() - startNanos);
  }

  private final class Task extends FutureTask<Void> implements ScheduledFuture<Void> {
    final long at;
    final long seq;

    Task(Runnable run, long at, long seq) {
      super(run, null);
      this.at = at;
      this.seq = seq;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(at - nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      Task t = (Task) o;
      return at != t.at ? Long.compare(at, t.at) : Long.compare(seq, t.seq);
    }
  }
}
