// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.time.TimeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Time that passes only when the SDK waits: a {@link TimeSource} whose clock jumps to each delay the SDK
 * schedules (a retry's backoff, a wait's poll interval, sync or async) and runs what was scheduled at once.
 * A 30-minute wait takes milliseconds, and a test can check every delay the SDK chose ({@link #delays()}).
 * The jitter draws are fixed (0.5 unless set), so that the delays repeat from run to run.
 *
 * <!-- src_embed javadoc.virtual-time -->
 * <pre>
 * VirtualTime time = VirtualTime.startingAt&#40;Instant.parse&#40;&quot;2026-01-01T00:00:00Z&quot;&#41;&#41;;
 * SfsTurboJobsClient client = emulator.clientBuilder&#40;&#41;
 *     .timeSource&#40;time&#41;
 *     .build&#40;&#41;;
 * client.waiter&#40;&#41;.waitFor&#40;&quot;job-1&quot;, WaitOptions.defaults&#40;&#41;&#41;;   &#47;&#47; no wall time
 * List&lt;Duration&gt; delays = time.delays&#40;&#41;;    &#47;&#47; every delay the SDK chose
 * client.close&#40;&#41;;
 * </pre>
 * <!-- end javadoc.virtual-time -->
 *
 * <p>Scheduled tasks run one at a time, in the order they are due, on one daemon thread. Virtual time jumps
 * to a task when it is its turn: one wait sees its delays exactly; with several waits polling at once, time
 * may run ahead of a poll while another one's HTTP answer is on its way (an HTTP exchange itself takes real
 * time, as does its bound). Thread-safe.
 */
public final class VirtualTime implements TimeSource {
  /** How long an idle driver thread waits for more tasks before it ends. */
  private static final long IDLE_MILLIS = 1_000;
  private final Object lock = new Object();
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private final List<Duration> delays = new CopyOnWriteArrayList<>();
  private final Instant origin;
  private volatile DoubleSupplier jitter = () -> 0.5;
  private long nowNanos;
  private long order;
  private Thread driver;

  private VirtualTime(Instant start) {
    this.origin = Objects.requireNonNull(start, "start");
  }

  /**
   * Returns virtual time starting at an instant.
   *
   * @param start the first instant the clock shows
   * @return the time
   */
  public static VirtualTime startingAt(Instant start) {
    return new VirtualTime(start);
  }

  /**
   * Sets the jitter draws (numbers in [0, 1)), for a test that checks the delays jitter makes.
   *
   * @param draws the draws
   * @return this time
   */
  public VirtualTime withJitter(DoubleSupplier draws) {
    this.jitter = Objects.requireNonNull(draws, "draws");
    return this;
  }

  /**
   * Makes a client's time this virtual time (the same as {@code builder.timeSource(this)}).
   *
   * @param builder the client builder
   * @return the builder
   */
  public SfsTurboJobsClientBuilder applyTo(SfsTurboJobsClientBuilder builder) {
    return builder.timeSource(this);
  }

  @Override
  public long nanoTime() {
    synchronized (lock) {
      return nowNanos;
    }
  }

  @Override
  public Instant now() {
    return origin.plusNanos(nanoTime());
  }

  /** Returns a clock that reads this time: for the emulator's time-scripted jobs and signature checks. */
  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  @Override
  public double jitter() {
    return jitter.getAsDouble();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    Objects.requireNonNull(task, "task");
    long nanos = Math.max(0, unit.toNanos(delay));
    delays.add(Duration.ofNanos(nanos));
    synchronized (lock) {
      Task t = new Task(task, saturatedAdd(nowNanos, nanos), order++);
      queue.add(t);
      if (driver == null) {
        driver = new Thread(this::drive, "sfsturbo-virtual-time");
        driver.setDaemon(true);
        driver.start();
      }
      lock.notifyAll();
      return t;
    }
  }

  /**
   * Moves the clock on, as if time had passed outside the SDK; what falls due meanwhile runs as usual.
   *
   * @param duration how far, zero or more
   * @return the new time
   */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("virtual time does not go back: " + duration);
    }
    synchronized (lock) {
      nowNanos = saturatedAdd(nowNanos, duration.compareTo(Duration.ofDays(365 * 100)) > 0
          ? TimeUnit.DAYS.toNanos(365 * 100) : duration.toNanos());
    }
    return now();
  }

  /** Returns every delay the SDK scheduled so far, in order: a copy. */
  public List<Duration> delays() {
    return new ArrayList<>(delays);
  }

  /** Returns whether nothing is scheduled: every wait has ended or is on an HTTP exchange. */
  public boolean isIdle() {
    synchronized (lock) {
      for (Task t : queue) {
        if (!t.isCancelled()) {
          return false;
        }
      }
      return true;
    }
  }

  private void drive() {
    while (true) {
      Task next;
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
        next = queue.poll();
        if (next.isCancelled()) {
          // A cancelled timer (a wait that ended first) must not move the clock.
          continue;
        }
        if (next.at > nowNanos) {
          nowNanos = next.at;
        }
      }
      next.run();
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  @Override
  public String toString() {
    return "VirtualTime{now=" + now() + ", delays=" + delays.size() + '}';
  }

  /** A scheduled task: run by the driver when virtual time reaches it. */
  private final class Task extends FutureTask<Void> implements ScheduledFuture<Void>, Comparable<Delayed> {
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
      if (o instanceof Task) {
        Task t = (Task) o;
        return at != t.at ? Long.compare(at, t.at) : Long.compare(seq, t.seq);
      }
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
