// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.internal.http.Cancellable;
import io.sfsturbo.jobs.internal.http.Exchange;
import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.testing.FakeTime;
import io.sfsturbo.jobs.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A loop stopped at the awkward moments: while its sync caller is parked between tries (interrupted, or
 * its client closed), while a try is being started, while its probe hears a try start, while the next try
 * is being timed. Whatever the moment, nothing is left running and the caller hears a typed end. A parked
 * caller is run on a helper thread and awaited at most two seconds, so that a loop that fails to wake it
 * fails the test rather than hanging it.
 */
class LoopStopsTest {
  private final RunningLoops running = new RunningLoops();

  /** A try that fails transiently at once (sync or async), or runs a hook first. */
  private static final class Failing implements Exchange<String> {
    final AtomicInteger tries = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();
    final List<Boolean> syncs = new ArrayList<>();
    Consumer<Callback<String>> hook = c -> { };
    Object outcome = new TransportException("reset", null);
    boolean report = true;

    @Override
    public Cancellable start(long timeoutNanos, boolean sync, Callback<String> callback) {
      tries.incrementAndGet();
      syncs.add(sync);
      hook.accept(callback);
      if (report) {
        if (outcome instanceof SfsTurboException) {
          callback.failed((SfsTurboException) outcome);
        } else {
          callback.succeeded((String) outcome);
        }
      }
      return cancelled::incrementAndGet;
    }
  }

  /** Retries every failure after a fixed delay (with a given delay of zero: at once); interruption says so. */
  private static Decider<String, String> retrying(Duration delay) {
    return new PlainDecider() {
      @Override
      public Decision<String> onFailure(SfsTurboException failure, Duration elapsed) {
        return Decision.again(delay);
      }
    };
  }

  private AttemptLoop<String, String> loop(Exchange<String> tries, Decider<String, String> decider, TimeSource time) {
    return new AttemptLoop<>(tries, decider, time, running, Duration.ofMinutes(1), Duration.ofSeconds(5),
        RateLimiter.NONE);
  }

  /** Runs a sync loop on a helper thread; its outcome: the value, or what it threw. */
  private static CompletableFuture<Object> runAside(AttemptLoop<String, String> loop, AtomicReference<Thread> thread) {
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        outcome.complete(loop.run(0));
      } catch (RuntimeException e) {
        outcome.complete(e);
      }
      outcome.complete(Thread.currentThread().isInterrupted() ? "flag set" : "flag clear");
    }, "sync-caller");
    t.setDaemon(true);
    thread.set(t);
    t.start();
    return outcome;
  }

  private static void awaitPending(FakeTime time, int n) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (time.pendingTasks() < n && System.nanoTime() < until) {
      Thread.sleep(1);
    }
    assertEquals(n, time.pendingTasks(), "the caller paused");
  }

  @Test
  void aSyncCallerInterruptedWhileParkedEndsWithTheDecidersFailureAndKeepsItsFlag() throws Exception {
    FakeTime never = FakeTime.manual();
    Failing tries = new Failing();
    AtomicReference<Thread> caller = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        outcome.complete(loop(tries, retrying(Duration.ofSeconds(10)), never).run(0));
      } catch (RuntimeException e) {
        outcome.complete(e);
      }
      flag.set(Thread.currentThread().isInterrupted());
    });
    t.setDaemon(true);
    caller.set(t);
    t.start();
    awaitPending(never, 1);
    t.interrupt();
    SfsTurboException e = assertInstanceOf(SfsTurboException.class, outcome.get(2, TimeUnit.SECONDS));
    t.join(2_000);
    assertEquals("interrupted", e.getMessage());
    assertInstanceOf(InterruptedException.class, e.getCause());
    assertTrue(flag.get(), "the flag is set again");
    assertEquals(1, tries.tries.get());
    assertEquals(0, never.pendingTasks(), "the pause's timer was cancelled");
    assertEquals(0, running.count());
  }

  @Test
  void closingTheClientWakesAParkedSyncCaller() throws Exception {
    FakeTime never = FakeTime.manual();
    Failing tries = new Failing();
    AtomicReference<Thread> caller = new AtomicReference<>();
    CompletableFuture<Object> outcome = runAside(loop(tries, retrying(Duration.ofSeconds(10)), never), caller);
    awaitPending(never, 1);
    // Parked indeed (not about to park, when it would see the loop ended without being woken).
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (caller.get().getState() != Thread.State.WAITING && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    assertEquals(Thread.State.WAITING, caller.get().getState());
    running.close(() -> new ClientClosedException("closed"));
    assertInstanceOf(ClientClosedException.class, outcome.get(2, TimeUnit.SECONDS));
    assertEquals(1, tries.tries.get());
    assertEquals(0, never.pendingTasks());
    assertEquals(0, running.count());
  }

  @Test
  void aTryThatFindsItsThreadInterruptedEndsTheLoopInsteadOfTryingAgainAtOnce() {
    FakeTime time = FakeTime.manual();
    Failing tries = new Failing();
    tries.hook = c -> {
      Thread.currentThread().interrupt();
      if (tries.tries.get() > 1) {
        tries.outcome = "ok"; // a loop that went on would end here, not loop for ever
      }
    };
    try {
      SfsTurboException e = assertThrows(SfsTurboException.class,
          () -> loop(tries, retrying(Duration.ZERO), time).run(0));
      assertEquals("interrupted", e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    assertEquals(1, tries.tries.get(), "no second try once interrupted");
  }

  @Test
  void aLoopStoppedWhileATryIsBeingStartedCancelsThatTry() {
    FakeTime time = FakeTime.manual();
    // Async: the caller cancels while the exchange is starting; the handle it then returns is cancelled.
    Failing async = new Failing();
    async.report = false;
    AtomicReference<CompletableFuture<String>> future = new AtomicReference<>();
    async.hook = c -> {
      if (future.get() != null) {
        future.get().cancel(true);
      }
    };
    AttemptLoop<String, String> l = loop(async, retrying(Duration.ofSeconds(1)), time);
    future.set(l.start(TimeUnit.SECONDS.toNanos(1)));
    time.runAll(10_000);
    assertTrue(future.get().isCancelled());
    assertEquals(1, async.cancelled.get(), "the try started during the stop is cancelled");

    // Sync: the client closes while the exchange is starting; the handle it hands over is cancelled.
    Failing sync = new Failing();
    sync.report = false;
    AtomicInteger handleCancelled = new AtomicInteger();
    sync.hook = c -> {
      running.close(() -> new ClientClosedException("closed"));
      c.started(handleCancelled::incrementAndGet);
    };
    assertThrows(ClientClosedException.class, () -> loop(sync, retrying(Duration.ZERO), time).run(0));
    assertEquals(1, handleCancelled.get());
  }

  @Test
  void aLoopStoppedWhileItsProbeHearsATryStartSendsNoTryAndAbandonsIt() {
    FakeTime time = FakeTime.manual();
    Failing tries = new Failing();
    List<String> heard = new ArrayList<>();
    AtomicReference<CompletableFuture<String>> future = new AtomicReference<>();
    LoopProbe<String> probe = new LoopProbe<String>() {
      @Override
      public void loopStarted(long nowNanos) {
        heard.add("loop");
      }

      @Override
      public void tryStarted(int number, long nowNanos) {
        heard.add("start " + number);
        future.get().cancel(true);
      }

      @Override
      public void responded(int status, String requestId) {
        heard.add("responded");
      }

      @Override
      public void tryEnded(String value, SfsTurboException failure, long nextDelayNanos, long nowNanos) {
        heard.add("ended");
      }

      @Override
      public void tryAbandoned(long nowNanos) {
        heard.add("abandoned");
      }
    };
    AttemptLoop<String, String> l = loop(tries, retrying(Duration.ZERO), time).observe(probe);
    future.set(l.start(TimeUnit.SECONDS.toNanos(1)));
    time.runAll(10_000);
    assertEquals(List.of("loop", "start 1", "abandoned"), heard);
    assertEquals(0, tries.tries.get(), "no request for a try stopped as it started");
  }

  @Test
  void aLoopStoppedWhileItsNextTryIsBeingTimedLeavesNoTimerBehind() {
    FakeTime time = FakeTime.manual();
    AtomicReference<CompletableFuture<String>> future = new AtomicReference<>();
    AtomicInteger schedules = new AtomicInteger();
    TimeSource cancelling = new TimeSource() {
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
        ScheduledFuture<?> f = time.schedule(task, delay, unit);
        if (schedules.incrementAndGet() == 2) {
          // The caller stops the loop on another thread just as its retry is being timed.
          future.get().cancel(true);
        }
        return f;
      }

      @Override
      public double jitter() {
        return 0;
      }
    };
    Failing tries = new Failing();
    AttemptLoop<String, String> l = loop(tries, retrying(Duration.ofSeconds(1)), cancelling);
    future.set(l.start(TimeUnit.MILLISECONDS.toNanos(1)));
    time.advanceMillis(1);
    assertEquals(1, tries.tries.get());
    assertTrue(future.get().isCancelled());
    assertEquals(0, time.pendingTasks(), "the retry timed during the stop is cancelled");
    time.runAll(10_000);
    assertEquals(1, tries.tries.get());
  }

  @Test
  void aDeciderIsAskedAboutAHeldTryOnlyWhenTheLimiterWouldHoldIt() {
    FakeTime time = FakeTime.automatic();
    List<Long> asked = new ArrayList<>();
    Decider<String, String> skipping = new PlainDecider() {
      @Override
      public Decision<String> onHeld(long holdNanos, Duration elapsed) {
        asked.add(holdNanos);
        return Decision.again(Duration.ofSeconds(9));
      }
    };
    Failing ok = new Failing();
    ok.outcome = "ok";
    RateLimiter idle = new RateLimiter(AdaptiveRateLimit.builder().maxRequestsPerSecond(1).build(), time);
    assertEquals("ok", new AttemptLoop<>(ok, skipping, time, running, Duration.ofSeconds(10), Duration.ofSeconds(5),
        idle).run(0));
    assertEquals(List.of(), asked, "a limiter with a free slot holds nothing: nothing to ask");

    // Held 3 s, skipped to 9 s: exactly the last start a 10 s budget allows, so the skip is taken.
    RateLimiter busy = new RateLimiter(AdaptiveRateLimit.builder().maxRequestsPerSecond(1).build(), time);
    while (busy.hold() < TimeUnit.SECONDS.toNanos(3)) {
      busy.reserve();
    }
    long start = time.nanoTime();
    List<Long> startedAt = new ArrayList<>();
    Failing timed = new Failing();
    timed.outcome = "ok";
    timed.hook = c -> startedAt.add(time.millisSince(start));
    assertEquals("ok", new AttemptLoop<>(timed, skipping, time, running, Duration.ofSeconds(10),
        Duration.ofSeconds(5), busy).run(0));
    assertEquals(List.of(TimeUnit.SECONDS.toNanos(3)), asked);
    assertEquals(List.of(9_000L), startedAt, "made at the step skipped to, not at its 3 s slot");
  }

  private static ErrorDetails details(int status) {
    return new ErrorDetails("op", status, null, null, null, "");
  }

  @Test
  void eachAnswerTellsTheRateLimiterWhatItSaysAndATransportFailureNothing() {
    FakeTime time = FakeTime.manual();
    Object[][] cases = {
        // outcome of the try, what the limiter hears
        {"ok", "passed"},
        {new ServerException(details(503)), "passed"},
        {new TransportException("reset", null), "nothing"},
        {new ThrottledException(details(429), null), "throttled"},
    };
    for (Object[] c : cases) {
      AdaptiveRateLimit settings = AdaptiveRateLimit.defaults();
      RateLimiter viaLoop = new RateLimiter(settings, time);
      RateLimiter direct = new RateLimiter(settings, time);
      for (RateLimiter r : new RateLimiter[] {viaLoop, direct}) {
        r.throttled(0);
        assertEquals(1, r.generation(), "engaged by a first 429");
      }
      double before = direct.rate();
      time.advanceMillis(3_000);
      Failing once = new Failing();
      once.outcome = c[0];
      Decider<String, String> failFast = new CallDecider<>("op", RetryPolicy.none(), () -> 0.0,
          Duration.ofMinutes(1));
      try {
        new AttemptLoop<>(once, failFast, time, running, Duration.ofMinutes(1), Duration.ofSeconds(5), viaLoop)
            .run(0);
      } catch (SfsTurboException expected) {
        // the failure itself is not what this test is about
      }
      switch ((String) c[1]) {
        case "passed":
          direct.passed();
          assertTrue(direct.rate() != before, "the premise: a success now changes the rate");
          break;
        case "throttled":
          direct.throttled(direct.generation());
          assertEquals(2, direct.generation(), "the premise: a 429 now lowers the rate");
          break;
        default:
          break;
      }
      assertEquals(direct.rate(), viaLoop.rate(), 1e-9, c[0].toString());
      assertEquals(direct.generation(), viaLoop.generation(), c[0].toString());
    }
  }
}
