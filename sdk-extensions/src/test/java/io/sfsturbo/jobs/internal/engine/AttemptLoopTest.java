// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.internal.http.Cancellable;
import io.sfsturbo.jobs.internal.http.Exchange;
import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import io.sfsturbo.jobs.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The loop on virtual time: no test here sleeps. Sync loops run on automatic time, async ones on manual. */
class AttemptLoopTest {
  private FakeTime time = FakeTime.automatic();
  private final RunningLoops scope = new RunningLoops();

  /** A try that takes a scripted time and gives a scripted outcome; records each try's timeout. */
  private final class ScriptedAttempt implements Exchange<String> {
    final Deque<Object> outcomes = new ArrayDeque<>();
    final List<Long> timeoutsMillis = new ArrayList<>();
    final List<Long> startedAtMillis = new ArrayList<>();
    long takesMillis;
    boolean cancelled;
    final long origin = time.nanoTime();

    @Override
    public Cancellable start(long timeoutNanos, boolean sync, Callback<String> callback) {
      timeoutsMillis.add(TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
      startedAtMillis.add(time.millisSince(origin));
      Object outcome = outcomes.isEmpty() ? "done" : outcomes.poll();
      long took = Math.min(takesMillis, TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
      Runnable report = () -> {
        if (outcome instanceof SfsTurboException) {
          callback.failed((SfsTurboException) outcome);
        } else {
          callback.succeeded((String) outcome);
        }
      };
      if (sync) {
        time.sleepMillis(took);
        report.run();
      } else {
        time.schedule(report, took, TimeUnit.MILLISECONDS);
      }
      return () -> cancelled = true;
    }
  }

  /** Retries every failure after a fixed delay; Retry-After style when told. */
  private static class FixedStrategy implements Decider<String, String> {
    final Duration delay;
    final boolean serverAsked;
    SfsTurboException expiredWith;
    Decision<String> refused;
    int failures;

    FixedStrategy(Duration delay, boolean serverAsked) {
      this.delay = delay;
      this.serverAsked = serverAsked;
    }

    @Override
    public Decision<String> onSuccess(String value, Duration elapsed) {
      return Decision.done(value);
    }

    @Override
    public Decision<String> onFailure(SfsTurboException failure, Duration elapsed) {
      failures++;
      return serverAsked ? Decision.againNoSoonerThan(delay, delay, "the server asked") : Decision.again(delay);
    }

    @Override
    public SfsTurboException onExpired(SfsTurboException lastFailure, Decision<String> refused, Duration elapsed) {
      this.refused = refused;
      expiredWith = new SfsTurboException("expired after " + elapsed.toMillis() + " ms", lastFailure);
      return expiredWith;
    }

    @Override
    public SfsTurboException onInterrupted(InterruptedException e) {
      return new SfsTurboException("interrupted", e);
    }
  }

  private AttemptLoop<String, String> loop(ScriptedAttempt attempt, Decider<String, String> strategy, long budgetMs,
      long attemptMs) {
    return new AttemptLoop<>(attempt, strategy, time, scope, Duration.ofMillis(budgetMs), Duration.ofMillis(attemptMs),
        RateLimiter.NONE);
  }

  private static TransportException transient_() {
    return new TransportException("reset", null);
  }

  @Test
  void retriesUntilSuccessWithTheDelaysAsked() {
    ScriptedAttempt attempt = new ScriptedAttempt();
    attempt.outcomes.add(transient_());
    attempt.outcomes.add(transient_());
    attempt.outcomes.add("job");
    String result = loop(attempt, new FixedStrategy(Duration.ofMillis(300), false), 60_000, 20_000).run(0);
    assertEquals("job", result);
    assertEquals(List.of(0L, 300L, 600L), attempt.startedAtMillis);
  }

  @Test
  void eachTryIsBoundedByTheSmallerOfItsTimeoutAndTheTimeLeft() {
    ScriptedAttempt attempt = new ScriptedAttempt();
    attempt.takesMillis = 100_000;   // every try runs until its bound
    for (int i = 0; i < 10; i++) {
      attempt.outcomes.add(transient_());
    }
    long start = time.nanoTime();
    FixedStrategy strategy = new FixedStrategy(Duration.ofMillis(500), false);
    SfsTurboException e = assertThrows(SfsTurboException.class,
        () -> loop(attempt, strategy, 5_000, 2_000).run(0));
    assertSame(strategy.expiredWith, e);
    // 0: 2 s; 2.5: 2 s; then 0.5 s left of the 1 s final window... each bound = min(2 s, time left).
    assertEquals(2000L, attempt.timeoutsMillis.get(0));
    for (int i = 0; i < attempt.timeoutsMillis.size(); i++) {
      long left = 5_000 - attempt.startedAtMillis.get(i);
      assertEquals(Math.min(2_000, left), attempt.timeoutsMillis.get(i), "try " + i);
    }
    assertTrue(time.millisSince(start) <= 5_000, "ended after its deadline: " + time.millisSince(start));
  }

  @Test
  void aLongDelayIsClampedSoThatALastTryFitsBeforeTheDeadline() {
    ScriptedAttempt attempt = new ScriptedAttempt();
    attempt.outcomes.add(transient_());
    attempt.outcomes.add(transient_());
    FixedStrategy strategy = new FixedStrategy(Duration.ofSeconds(30), false);
    assertThrows(SfsTurboException.class, () -> loop(attempt, strategy, 10_000, 20_000).run(0));
    // The 30 s delay became 9 s: the last try starts one second (the final window) before the deadline.
    assertEquals(List.of(0L, 9_000L), attempt.startedAtMillis);
    assertNull(strategy.refused, "the time ran out; no step was refused");
  }

  @Test
  void aServerDelayPastTheDeadlineEndsTheLoopAtOnce() {
    ScriptedAttempt attempt = new ScriptedAttempt();
    attempt.outcomes.add(transient_());
    long start = time.nanoTime();
    FixedStrategy strategy = new FixedStrategy(Duration.ofSeconds(30), true);
    SfsTurboException e = assertThrows(SfsTurboException.class, () -> loop(attempt, strategy, 5_000, 20_000).run(0));
    assertSame(strategy.expiredWith, e);
    assertEquals(0, time.millisSince(start), "no sleep towards a Retry-After that cannot be honoured");
    assertEquals("the server asked", strategy.refused.floorReason());
    assertEquals(Duration.ofSeconds(30), strategy.refused.delay());
    assertInstanceOf(TransportException.class, e.getCause());
  }

  @Test
  void aServerDelayThatFitsIsHonouredInFull() {
    ScriptedAttempt attempt = new ScriptedAttempt();
    attempt.outcomes.add(transient_());
    assertEquals("done", loop(attempt, new FixedStrategy(Duration.ofSeconds(3), true), 10_000, 20_000).run(0));
    assertEquals(List.of(0L, 3_000L), attempt.startedAtMillis);
  }

  @Test
  void theInitialDelayIsClampedToo() {
    ScriptedAttempt attempt = new ScriptedAttempt();
    loop(attempt, new FixedStrategy(Duration.ZERO, false), 5_000, 20_000).run(TimeUnit.SECONDS.toNanos(60));
    assertEquals(List.of(4_000L), attempt.startedAtMillis);
  }

  @Test
  void asyncRunsTheSameStepsOnTheScheduler() throws Exception {
    time = FakeTime.manual();
    ScriptedAttempt attempt = new ScriptedAttempt();
    attempt.takesMillis = 50;
    attempt.outcomes.add(transient_());
    attempt.outcomes.add("job");
    CompletableFuture<String> f = loop(attempt, new FixedStrategy(Duration.ofMillis(200), false), 60_000, 20_000)
        .start(0);
    assertFalse(f.isDone());
    time.runAll(10_000);
    assertEquals("job", f.get());
    assertEquals(List.of(0L, 250L), attempt.startedAtMillis);
  }

  @Test
  void asyncExpiryIsTheStrategysFailureAndNothingIsLeftScheduled() {
    time = FakeTime.manual();
    ScriptedAttempt attempt = new ScriptedAttempt();
    attempt.takesMillis = 100_000;
    for (int i = 0; i < 20; i++) {
      attempt.outcomes.add(transient_());
    }
    FixedStrategy strategy = new FixedStrategy(Duration.ofMillis(100), false);
    CompletableFuture<String> f = loop(attempt, strategy, 3_000, 1_000).start(0);
    long spent = time.runAll(60_000);
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    assertSame(strategy.expiredWith, e.getCause());
    assertTrue(spent <= 3_000, "spent " + spent);
    assertEquals(0, time.pendingTasks());
  }

  @Test
  void cancellingStopsTheTryInFlightAndThePendingOne() {
    time = FakeTime.manual();
    ScriptedAttempt attempt = new ScriptedAttempt();
    attempt.takesMillis = 1_000;
    CompletableFuture<String> f = loop(attempt, new FixedStrategy(Duration.ofMillis(100), false), 60_000, 20_000)
        .start(0);
    f.cancel(true);
    assertTrue(attempt.cancelled);
    time.runAll(60_000);
    assertEquals(1, attempt.startedAtMillis.size());
  }

  @Test
  void closingTheScopeEndsRunningLoopsAndRefusesNewOnes() {
    time = FakeTime.manual();
    ScriptedAttempt attempt = new ScriptedAttempt();
    attempt.outcomes.add(transient_());
    CompletableFuture<String> f = loop(attempt, new FixedStrategy(Duration.ofSeconds(20), false), 60_000, 20_000)
        .start(0);
    time.advanceMillis(1);
    assertEquals(1, time.pendingTasks(), "its retry in 20 s");
    assertFalse(f.isDone());
    scope.close(() -> new ClientClosedException("closed"));
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    assertInstanceOf(ClientClosedException.class, e.getCause());
    assertEquals(0, time.pendingTasks(), "its retry was cancelled");
    assertThrows(IllegalStateException.class,
        () -> loop(new ScriptedAttempt(), new FixedStrategy(Duration.ZERO, false), 1_000, 1_000).run(0));
  }

  @Test
  void anInterruptedSyncPauseEndsWithTheStrategysFailureAndKeepsTheFlag() {
    ScriptedAttempt attempt = new ScriptedAttempt();
    attempt.outcomes.add(transient_());
    // A time source that never wakes the pause: only the interrupt ends it.
    FakeTime never = FakeTime.manual();
    AttemptLoop<String, String> l = new AttemptLoop<>(attempt, new FixedStrategy(Duration.ofSeconds(1), false), never,
        scope, Duration.ofSeconds(60), Duration.ofSeconds(20), RateLimiter.NONE);
    Thread.currentThread().interrupt();
    try {
      SfsTurboException e = assertThrows(SfsTurboException.class, () -> l.run(0));
      assertEquals("interrupted", e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aStrategyThatThrowsEndsTheLoopWithATypedFailure() {
    ScriptedAttempt attempt = new ScriptedAttempt();
    Decider<String, String> broken = new FixedStrategy(Duration.ZERO, false) {
      @Override
      public Decision<String> onSuccess(String value, Duration elapsed) {
        throw new IllegalStateException("bug");
      }
    };
    SfsTurboException e = assertThrows(SfsTurboException.class, () -> loop(attempt, broken, 1_000, 1_000).run(0));
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  @Test
  void aFailureIsRethrownWithItsOwnType() {
    ScriptedAttempt attempt = new ScriptedAttempt();
    TransportException failure = transient_();
    attempt.outcomes.add(failure);
    Decider<String, String> failFast = new FixedStrategy(Duration.ZERO, false) {
      @Override
      public Decision<String> onFailure(SfsTurboException f, Duration elapsed) {
        return Decision.fail(f);
      }
    };
    assertSame(failure, assertThrows(TransportException.class, () -> loop(attempt, failFast, 1_000, 1_000).run(0)));
  }


  /** A limiter at 1 request per second whose next free slot is {@code seconds} away. */
  private RateLimiter busyLimiter(int seconds) {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.builder().maxRequestsPerSecond(1).build(), time);
    while (limiter.hold() < TimeUnit.SECONDS.toNanos(seconds)) {
      limiter.reserve();
    }
    assertEquals(TimeUnit.SECONDS.toNanos(seconds), limiter.hold());
    return limiter;
  }

  /** Skips the first held try for a step {@code skipTo} later; waits for the slot after that. */
  private static final class SkippingStrategy extends FixedStrategy {
    final List<Long> heldNanos = new ArrayList<>();
    final Duration skipTo;

    SkippingStrategy(Duration skipTo) {
      super(Duration.ZERO, false);
      this.skipTo = skipTo;
    }

    @Override
    public Decision<String> onHeld(long holdNanos, Duration elapsed) {
      heldNanos.add(holdNanos);
      return heldNanos.size() == 1 ? Decision.again(skipTo) : null;
    }
  }

  @Test
  void aHeldTryThatTheStrategySkipsTakesNoSlotAndIsMadeAtTheNextStep() throws Exception {
    for (boolean sync : new boolean[] {true, false}) {
      time = sync ? FakeTime.automatic() : FakeTime.manual();
      RateLimiter limiter = busyLimiter(3);
      ScriptedAttempt attempt = new ScriptedAttempt();
      SkippingStrategy strategy = new SkippingStrategy(Duration.ofSeconds(5));
      AttemptLoop<String, String> loop = new AttemptLoop<>(attempt, strategy, time, scope, Duration.ofMinutes(1),
          Duration.ofSeconds(10), limiter);
      String result;
      if (sync) {
        result = loop.run(0);
      } else {
        CompletableFuture<String> f = loop.start(0);
        assertEquals(TimeUnit.SECONDS.toNanos(3), limiter.hold(), "the skipped try took no slot");
        time.runAll(60_000);
        result = f.get();
      }
      assertEquals("done", result);
      assertEquals(List.of(TimeUnit.SECONDS.toNanos(3)), strategy.heldNanos, "asked once, told the hold");
      // At 5 s the backlog is gone: the try goes at once, not at the 3 s slot it would have waited for.
      assertEquals(List.of(5_000L), attempt.startedAtMillis, sync ? "sync" : "async");
    }
  }

  @Test
  void aSkipPastTheLastStartOrOfNoDelayIsNotTakenAndTheTryWaitsForItsSlot() {
    // Budget 5 s: the last start is 4 s, one second before the deadline; a skip to 5 s would lose the try.
    RateLimiter limiter = busyLimiter(2);
    ScriptedAttempt attempt = new ScriptedAttempt();
    SkippingStrategy strategy = new SkippingStrategy(Duration.ofSeconds(5));
    assertEquals("done", new AttemptLoop<>(attempt, strategy, time, scope, Duration.ofSeconds(5),
        Duration.ofSeconds(10), limiter).run(0));
    assertEquals(1, strategy.heldNanos.size());
    assertEquals(List.of(2_000L), attempt.startedAtMillis);

    RateLimiter again = busyLimiter(2);
    ScriptedAttempt other = new ScriptedAttempt();
    SkippingStrategy atOnce = new SkippingStrategy(Duration.ZERO);
    assertEquals("done", new AttemptLoop<>(other, atOnce, time, scope, Duration.ofMinutes(1),
        Duration.ofSeconds(10), again).run(0));
    assertEquals(List.of(2_000L), other.startedAtMillis, "a skip to now would only ask again");
  }
}
