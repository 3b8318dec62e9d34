// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The engine's time: a monotonic reading and a way to pause the calling thread. Deadlines are
 * measured with it, never with the wall clock, so that a clock step (NTP, a VM resume) cannot
 * stretch or cut a budget. Tests replace it to run waits in virtual time.
 */
public interface Ticker {
  /** The system's monotonic time; pauses park the thread, so that {@link #wake(Thread)} ends them early. */
  Ticker SYSTEM = new Ticker() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void pause(long nanos, BooleanSupplier stop) throws InterruptedException {
      long until = System.nanoTime() + nanos;
      for (long left = nanos; left > 0 && !stop.getAsBoolean(); left = until - System.nanoTime()) {
        LockSupport.parkNanos(this, left);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    }

    @Override
    public void wake(Thread thread) {
      LockSupport.unpark(thread);
    }
  };

  /**
   * Returns the current time in nanoseconds, from an arbitrary origin.
   *
   * @return a reading comparable only with other readings of this ticker
   */
  long nanoTime();

  /**
   * Pauses the calling thread this long, or until {@code stop} says so after a {@link #wake(Thread)}.
   *
   * @param nanos positive
   * @param stop checked when the thread wakes up early
   * @throws InterruptedException when the thread is interrupted
   */
  void pause(long nanos, BooleanSupplier stop) throws InterruptedException;

  /**
   * Ends a {@link #pause(long)} of another thread early, when the ticker can.
   *
   * @param thread the paused thread
   */
  default void wake(Thread thread) {}

  /**
   * Returns a ticker that reads a clock and pauses with a sleeper: what a caller gets who replaced
   * both on a builder (tests that move a clock instead of sleeping).
   *
   * @param clock the time source
   * @param sleeper how to pause
   * @return the ticker
   */
  static Ticker of(Clock clock, Sleeper sleeper) {
    return new Ticker() {
      @Override
      public long nanoTime() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
      }

      @Override
      public void pause(long nanos, BooleanSupplier stop) throws InterruptedException {
        sleeper.sleep(Duration.ofNanos(Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(1))));
      }
    };
  }
}
