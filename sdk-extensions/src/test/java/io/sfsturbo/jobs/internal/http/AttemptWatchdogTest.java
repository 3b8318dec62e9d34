// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.testing.FakeTime;
import io.sfsturbo.jobs.time.TimeSource;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AttemptWatchdogTest {
  private final FakeTime time = FakeTime.manual();
  private final AttemptWatchdog watchdog = new AttemptWatchdog(time);

  @Test
  void firesAGuardWithinOnePeriodAfterItsTimeout() {
    AtomicInteger fired = new AtomicInteger();
    AttemptWatchdog.Timer g = watchdog.arm(TimeUnit.MILLISECONDS.toNanos(250), fired::incrementAndGet);
    time.advanceMillis(200);
    assertEquals(0, fired.get());
    time.advanceMillis(150);
    assertEquals(1, fired.get());
    assertTrue(g.fired());
    time.advanceMillis(1_000);
    assertEquals(1, fired.get(), "fires once");
  }

  @Test
  void aDisarmedGuardNeverFiresAndTheSweepsStopWhenNothingIsArmed() {
    AtomicInteger fired = new AtomicInteger();
    AttemptWatchdog.Timer g = watchdog.arm(TimeUnit.MILLISECONDS.toNanos(250), fired::incrementAndGet);
    time.advanceMillis(100);
    g.disarm();
    time.advanceMillis(1_000);
    assertEquals(0, fired.get());
    assertFalse(g.fired());
    assertEquals(0, time.pendingTasks(), "no sweep keeps running for nothing");
    assertEquals(0, watchdog.armedCount());
  }

  @Test
  void sweepsResumeForAGuardArmedAfterTheyStopped() {
    watchdog.arm(TimeUnit.MILLISECONDS.toNanos(50), () -> {}).disarm();
    time.advanceMillis(500);
    AtomicInteger fired = new AtomicInteger();
    watchdog.arm(TimeUnit.MILLISECONDS.toNanos(50), fired::incrementAndGet);
    time.advanceMillis(200);
    assertEquals(1, fired.get());
  }

  @Test
  void aRefusingSchedulerFiresEveryGuardRatherThanLeaveTriesUnbounded() {
    TimeSource refusing = new TimeSource() {
      @Override
      public long nanoTime() {
        return time.nanoTime();
      }

      @Override
      public Instant now() {
        return time.now();
      }

      @Override
      public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        throw new java.util.concurrent.RejectedExecutionException("shut down");
      }

      @Override
      public double jitter() {
        return 0;
      }
    };
    AttemptWatchdog dead = new AttemptWatchdog(refusing);
    AtomicInteger fired = new AtomicInteger();
    dead.arm(TimeUnit.SECONDS.toNanos(10), fired::incrementAndGet);
    assertEquals(1, fired.get());
  }
}
