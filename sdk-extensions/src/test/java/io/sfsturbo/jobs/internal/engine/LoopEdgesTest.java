// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.internal.http.Cancellable;
import io.sfsturbo.jobs.internal.http.Exchange;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.testing.FakeTime;
import io.sfsturbo.jobs.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * How a loop ends when something under it misbehaves (a try that throws, a time source that refuses, a
 * decider that throws, a deadline already passed) and when its caller ends it: always typed, always once,
 * and always leaving its client's running loops. Virtual time throughout.
 */
class LoopEdgesTest {
  private final RunningLoops running = new RunningLoops();

  /** A try that reports what a function of its number says, at once (sync) or on the time source (async). */
  private static final class Tries implements Exchange<String> {
    final FakeTime time;
    final Function<Integer, Object> outcome;
    final List<Long> timeoutsNanos = new ArrayList<>();
    final AtomicInteger cancelled = new AtomicInteger();
    boolean hold;
    /** Whether a typed failure is thrown by start rather than reported. */
    boolean throwTyped;

    Tries(FakeTime time, Function<Integer, Object> outcome) {
      this.time = time;
      this.outcome = outcome;
    }

    @Override
    public Cancellable start(long timeoutNanos, boolean sync, Callback<String> callback) {
      timeoutsNanos.add(timeoutNanos);
      Object o = outcome.apply(timeoutsNanos.size());
      if (o instanceof RuntimeException && (throwTyped || !(o instanceof SfsTurboException))) {
        throw (RuntimeException) o;
      }
      Runnable report = () -> {
        if (o instanceof SfsTurboException) {
          callback.failed((SfsTurboException) o);
        } else {
          callback.succeeded((String) o);
        }
      };
      if (hold) {
        return cancelled::incrementAndGet;
      }
      if (sync) {
        report.run();
      } else {
        time.schedule(report, 0, TimeUnit.NANOSECONDS);
      }
      return cancelled::incrementAndGet;
    }
  }

  private static CallDecider<String> call(int attempts) {
    return new CallDecider<>("op", RetryPolicy.builder().maxAttempts(attempts).baseDelay(Duration.ofMillis(100))
        .build(), () -> 0.0, Duration.ofSeconds(10));
  }

  private AttemptLoop<String, String> loop(Tries tries, Decider<String, String> decider, TimeSource time,
      Duration budget) {
    return new AttemptLoop<>(tries, decider, time, running, budget, Duration.ofSeconds(2), RateLimiter.NONE);
  }

  /** Runs a loop sync and async on fresh time, and returns both outcomes (a value or the failure). */
  private List<Object> both(Function<FakeTime, Tries> tries, Decider<String, String> sync,
      Decider<String, String> async, Duration budget) throws Exception {
    List<Object> out = new ArrayList<>();
    FakeTime t1 = FakeTime.automatic();
    try {
      out.add(loop(tries.apply(t1), sync, t1, budget).run(0));
    } catch (RuntimeException e) {
      out.add(e);
    }
    FakeTime t2 = FakeTime.manual();
    CompletableFuture<String> f = loop(tries.apply(t2), async, t2, budget).start(0);
    t2.runAll(60_000);
    assertTrue(f.isDone(), "async ended");
    try {
      out.add(f.get());
    } catch (ExecutionException e) {
      out.add(e.getCause());
    }
    assertEquals(0, running.count(), "every loop left its client's running loops");
    return out;
  }

  @Test
  void aTryThatThrowsIsAFailureOfTheLoopTypedAndRetriedAsItsTypeSays() throws Exception {
    IllegalStateException bug = new IllegalStateException("bug");
    for (Object o : both(t -> new Tries(t, n -> bug), call(3), call(3), Duration.ofSeconds(10))) {
      SfsTurboException e = assertInstanceOf(SfsTurboException.class, o);
      assertEquals("a try failed unexpectedly: java.lang.IllegalStateException: bug", e.getMessage());
      assertSame(bug, e.getCause());
    }
    TransportException reset = new TransportException("reset", null);
    Tries[] made = new Tries[2];
    int[] i = {0};
    List<Object> out = both(t -> {
      Tries tries = new Tries(t, n -> n == 1 ? reset : "ok");
      tries.throwTyped = true;
      return made[i[0]++] = tries;
    }, call(3), call(3), Duration.ofSeconds(10));
    assertEquals(List.of("ok", "ok"), out, "a typed failure thrown by a try is that failure: retried");
    assertEquals(2, made[0].timeoutsNanos.size());
    assertEquals(2, made[1].timeoutsNanos.size());
  }

  @Test
  void aDeciderThatThrowsOnAHeldTryEndsTheLoopTyped() {
    FakeTime time = FakeTime.automatic();
    RateLimiter busy = new RateLimiter(io.sfsturbo.jobs.retry.AdaptiveRateLimit.builder().maxRequestsPerSecond(1)
        .build(), time);
    while (busy.hold() == 0) {
      busy.reserve();
    }
    Decider<String, String> broken = new PlainDecider() {
      @Override
      public Decision<String> onHeld(long holdNanos, Duration elapsed) {
        throw new IllegalArgumentException("held");
      }
    };
    Tries tries = new Tries(time, n -> "ok");
    SfsTurboException e = assertThrows(SfsTurboException.class, () -> new AttemptLoop<>(tries, broken, time, running,
        Duration.ofSeconds(60), Duration.ofSeconds(2), busy).run(0));
    assertEquals("deciding about a held try failed unexpectedly: java.lang.IllegalArgumentException: held",
        e.getMessage());
    assertEquals(0, tries.timeoutsNanos.size(), "no try was sent");
  }

  @Test
  void eachTryIsBoundedByTheAttemptTimeoutOrTheTimeLeftAndAPassedDeadlineEndsTheLoopWithoutATry() throws Exception {
    for (Object o : both(t -> new Tries(t, n -> "ok"), call(1), call(1), Duration.ofMillis(1_500))) {
      assertEquals("ok", o);
    }
    FakeTime time = FakeTime.automatic();
    Tries tries = new Tries(time, n -> "ok");
    loop(tries, call(1), time, Duration.ofMillis(1_500)).run(0);
    assertEquals(List.of(TimeUnit.MILLISECONDS.toNanos(1_500)), tries.timeoutsNanos, "the time left, under 2 s");
    Tries longer = new Tries(time, n -> "ok");
    loop(longer, call(1), time, Duration.ofSeconds(30)).run(0);
    assertEquals(List.of(TimeUnit.SECONDS.toNanos(2)), longer.timeoutsNanos, "the attempt bound");

    Tries none = new Tries(time, n -> "ok");
    List<Object> expired = both(t -> none, call(1), call(1), Duration.ZERO);
    for (Object o : expired) {
      assertEquals("op did not complete within its budget of 10s (0 attempts)",
          assertInstanceOf(SfsTurboException.class, o).getMessage());
    }
    assertEquals(0, none.timeoutsNanos.size());
  }

  /** A time source that refuses to schedule, as a shut-down executor does. */
  private static TimeSource refusing(FakeTime time) {
    return new TimeSource() {
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
        throw new RejectedExecutionException("shut down");
      }

      @Override
      public double jitter() {
        return 0;
      }
    };
  }

  @Test
  void aTimeSourceThatCannotTimeTheNextTryEndsTheLoopTypedSyncAndAsync() throws Exception {
    TransportException reset = new TransportException("reset", null);
    FakeTime time = FakeTime.manual();
    Tries sync = new Tries(time, n -> reset);
    SfsTurboException e = assertThrows(SfsTurboException.class,
        () -> loop(sync, call(3), refusing(time), Duration.ofSeconds(10)).run(0));
    assertEquals("the time source refused to time the next try", e.getMessage());
    assertInstanceOf(RejectedExecutionException.class, e.getCause());
    assertEquals(1, sync.timeoutsNanos.size());

    Tries async = new Tries(time, n -> reset);
    CompletableFuture<String> f = loop(async, call(3), refusing(time), Duration.ofSeconds(10))
        .start(TimeUnit.SECONDS.toNanos(1));
    ExecutionException wrapped = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.SECONDS));
    assertEquals("the time source refused to time the next try", wrapped.getCause().getMessage());
    assertEquals(0, async.timeoutsNanos.size(), "its first try could not be timed either");
    assertEquals(0, running.count());
  }

  @Test
  void theEndActionHearsTheResultOrTheFailureOnce() throws Exception {
    FakeTime time = FakeTime.automatic();
    List<String> heard = new ArrayList<>();
    loop(new Tries(time, n -> "ok"), call(1), time, Duration.ofSeconds(10))
        .onEnd((r, f) -> heard.add(r + "/" + (f == null ? null : f.getMessage()))).run(0);
    BadRequest bad = new BadRequest();
    assertThrows(BadRequest.class, () -> loop(new Tries(time, n -> bad), call(3), time, Duration.ofSeconds(10))
        .onEnd((r, f) -> heard.add(r + "/" + f.getMessage())).run(0));
    assertEquals(List.of("ok/null", "null/bad"), heard);
  }

  /** A failure that is not retried. */
  private static final class BadRequest extends SfsTurboException {
    private static final long serialVersionUID = 1L;

    BadRequest() {
      super("bad");
    }
  }

  @Test
  void theCallerEndingTheFutureInAnyWayStopsTheTryInFlightAndLeavesTheRunningLoops() {
    List<String> ways = List.of("complete", "completeExceptionally", "cancel", "obtrudeValue", "obtrudeException");
    for (String way : ways) {
      FakeTime time = FakeTime.manual();
      Tries tries = new Tries(time, n -> "ok");
      tries.hold = true;
      List<Object> ended = new ArrayList<>();
      AtomicInteger abandoned = new AtomicInteger();
      LoopProbe<String> probe = new LoopProbe<String>() {
        @Override
        public void loopStarted(long nowNanos) {
        }

        @Override
        public void tryStarted(int number, long nowNanos) {
        }

        @Override
        public void responded(int status, String requestId) {
        }

        @Override
        public void tryEnded(String value, SfsTurboException failure, long nextDelayNanos, long nowNanos) {
        }

        @Override
        public void tryAbandoned(long nowNanos) {
          assertTrue(ended.isEmpty(), "the try is abandoned before the future completes");
          abandoned.incrementAndGet();
        }
      };
      CompletableFuture<String> f = loop(tries, call(3), time, Duration.ofSeconds(10)).observe(probe)
          .onEnd((r, e) -> ended.add(r != null ? r : e)).start(0);
      assertEquals(1, running.count(), way);
      assertEquals(1, tries.timeoutsNanos.size(), way + ": a try in flight");
      SfsTurboException mine = new SfsTurboException("mine");
      switch (way) {
        case "complete":
          assertTrue(f.complete("caller's"));
          break;
        case "completeExceptionally":
          assertTrue(f.completeExceptionally(mine));
          break;
        case "cancel":
          assertTrue(f.cancel(true));
          break;
        case "obtrudeValue":
          f.obtrudeValue("caller's");
          break;
        default:
          f.obtrudeException(mine);
      }
      assertEquals(1, tries.cancelled.get(), way + ": the try in flight is cancelled");
      assertEquals(1, abandoned.get(), way + ": and heard abandoned");
      assertEquals(0, running.count(), way);
      time.runAll(60_000);
      assertEquals(1, tries.timeoutsNanos.size(), way + ": no further try");
      assertEquals(1, ended.size(), way);
      if (way.endsWith("Value") || way.equals("complete")) {
        assertEquals("caller's", f.join(), way);
      } else if (!way.equals("cancel")) {
        ExecutionException e = assertThrows(ExecutionException.class, f::get, way);
        assertSame(mine, e.getCause(), way);
      }
      assertFalse(f.complete("again"), way + ": already done");
      assertFalse(f.completeExceptionally(mine), way + ": already done");
      assertEquals(way.equals("cancel"), f.cancel(true), way + ": only a cancelled future says it is cancelled");
      assertEquals(1, abandoned.get(), way + ": abandoned once");
    }
  }

  @Test
  void aSyncRunThrowsItsFailureAsItIsOrTypedWhenItIsNoRuntimeException() {
    FakeTime time = FakeTime.manual();
    Object[][] cases = {
        {new SfsTurboException("typed"), SfsTurboException.class, "typed"},
        {new java.util.concurrent.CompletionException(new IllegalStateException("inner")), IllegalStateException.class,
            "inner"},
        {new java.io.IOException("checked", new IllegalStateException("root")), SfsTurboException.class,
            "java.io.IOException: checked"},
        {new java.util.concurrent.CompletionException(null), java.util.concurrent.CompletionException.class, null},
    };
    for (Object[] c : cases) {
      AttemptLoop<String, String> l = loop(new Tries(time, n -> "ok"), call(1), time, Duration.ofSeconds(1));
      CallerFuture<String> f = (CallerFuture<String>) l.start(TimeUnit.SECONDS.toNanos(1));
      f.finishExceptionally((Throwable) c[0]);
      RuntimeException e = assertThrows(RuntimeException.class, f::resultOfSyncRun);
      assertSame(c[1], e.getClass(), c[0].toString());
      assertEquals(c[2], e.getMessage(), c[0].toString());
    }
    AttemptLoop<String, String> l = loop(new Tries(time, n -> "ok"), call(1), time, Duration.ofSeconds(1));
    CallerFuture<String> cancelled = (CallerFuture<String>) l.start(TimeUnit.SECONDS.toNanos(1));
    cancelled.cancel(false);
    SfsTurboException e = assertThrows(SfsTurboException.class, cancelled::resultOfSyncRun);
    assertEquals("the call was cancelled", e.getMessage());
    assertInstanceOf(CancellationException.class, e.getCause());
    CallerFuture<String> error = (CallerFuture<String>) loop(new Tries(time, n -> "ok"), call(1), time,
        Duration.ofSeconds(1)).start(TimeUnit.SECONDS.toNanos(1));
    error.finishExceptionally(new StackOverflowError("deep"));
    assertThrows(StackOverflowError.class, error::resultOfSyncRun, "an Error is thrown as it is");
    CallerFuture<String> value = (CallerFuture<String>) loop(new Tries(time, n -> "ok"), call(1), time,
        Duration.ofSeconds(1)).start(TimeUnit.SECONDS.toNanos(1));
    assertTrue(value.finish("v"));
    assertFalse(value.finish("w"), "finished once");
    assertEquals("v", value.resultOfSyncRun());
  }

  @Test
  void closingEndsLoopsWithTheFailureMadeForEachAndRefusesNewOnesSyncOrAsync() {
    FakeTime time = FakeTime.manual();
    List<CompletableFuture<String>> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Tries held = new Tries(time, n -> "ok");
      held.hold = true;
      started.add(loop(held, call(1), time, Duration.ofSeconds(10)).start(0));
    }
    assertEquals(3, running.count());
    assertFalse(running.isClosed());
    AtomicInteger made = new AtomicInteger();
    running.close(() -> new ClientClosedException("closed " + made.incrementAndGet()));
    assertTrue(running.isClosed());
    assertEquals(3, made.get(), "one failure per loop");
    for (CompletableFuture<String> f : started) {
      ExecutionException e = assertThrows(ExecutionException.class, f::get);
      assertInstanceOf(ClientClosedException.class, e.getCause());
    }
    assertEquals(0, running.count());
    assertThrows(IllegalStateException.class,
        () -> loop(new Tries(time, n -> "ok"), call(1), time, Duration.ofSeconds(1)).start(0));
    assertThrows(IllegalStateException.class,
        () -> loop(new Tries(time, n -> "ok"), call(1), time, Duration.ofSeconds(1)).run(0));
    assertEquals(0, running.count());
  }
}
