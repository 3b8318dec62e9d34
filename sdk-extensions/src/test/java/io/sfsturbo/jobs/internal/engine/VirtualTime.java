// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/** Time that moves only when a test (or a sync pause) moves it; scheduled tasks run as it passes them. */
final class VirtualTime implements Ticker, Scheduler {
  private long now = 1_000_000_000L;
  private long seq;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();

  private final class Task implements Comparable<Task>, Cancellable {
    final long at;
    final long order = seq++;
    final Runnable run;
    boolean cancelled;

    Task(long at, Runnable run) {
      this.at = at;
      this.run = run;
    }

    @Override
    public int compareTo(Task o) {
      return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void pause(long nanos, java.util.function.BooleanSupplier stop) {
    advanceNanos(nanos);
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    Task t = new Task(now + Math.max(0, delayNanos), task);
    tasks.add(t);
    return t;
  }

  void advanceMillis(long ms) {
    advanceNanos(TimeUnit.MILLISECONDS.toNanos(ms));
  }

  void advanceNanos(long nanos) {
    long until = now + nanos;
    while (!tasks.isEmpty() && tasks.peek().at <= until) {
      Task t = tasks.poll();
      now = Math.max(now, t.at);
      if (!t.cancelled) {
        t.run.run();
      }
    }
    now = until;
  }

  /** Runs every task until none is left or the limit passes; returns the time spent. */
  long runAll(long limitMillis) {
    long start = now;
    long limit = now + TimeUnit.MILLISECONDS.toNanos(limitMillis);
    while (!tasks.isEmpty() && tasks.peek().at <= limit) {
      Task t = tasks.poll();
      now = Math.max(now, t.at);
      if (!t.cancelled) {
        t.run.run();
      }
    }
    return TimeUnit.NANOSECONDS.toMillis(now - start);
  }

  int pendingTasks() {
    int n = 0;
    for (Task t : tasks) {
      if (!t.cancelled) {
        n++;
      }
    }
    return n;
  }

  long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(now - startNanos);
  }
}
