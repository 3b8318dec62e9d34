// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.TransportException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a loop tells its probe (telemetry's one hook in the engine), on virtual time. */
class LoopProbeTest {
  private final VirtualTime time = new VirtualTime();
  private final Scope scope = new Scope();
  private final List<String> heard = new ArrayList<>();

  private final Probe<String> probe = new Probe<String>() {
    @Override
    public void loopStarted(long nowNanos) {
      heard.add("loop");
    }

    @Override
    public void tryStarted(int number, long nowNanos) {
      heard.add("start " + number);
    }

    @Override
    public void responded(int status, String requestId) {
      heard.add("responded " + status + " " + requestId);
    }

    @Override
    public void tryEnded(String value, SfsTurboException failure, long nextDelayNanos, long nowNanos) {
      heard.add("end " + (value != null ? value : failure.getMessage()) + " next "
          + (nextDelayNanos < 0 ? "none" : TimeUnit.NANOSECONDS.toMillis(nextDelayNanos) + "ms"));
    }

    @Override
    public void tryAbandoned(long nowNanos) {
      heard.add("abandoned");
    }
  };

  /** Each try: reports a response, then the next scripted outcome, after {@code takesMillis}. */
  private final class Scripted implements Attempt<String> {
    final Deque<Object> outcomes = new ArrayDeque<>();
    long takesMillis;

    Scripted(Object... outcomes) {
      this.outcomes.addAll(Arrays.asList(outcomes));
    }

    @Override
    public Cancellable start(long timeoutNanos, boolean sync, Callback<String> callback) {
      Object outcome = outcomes.isEmpty() ? "done" : outcomes.poll();
      Runnable report = () -> {
        callback.responded(outcome instanceof String ? 200 : 503, "req");
        if (outcome instanceof SfsTurboException) {
          callback.failed((SfsTurboException) outcome);
        } else {
          callback.succeeded((String) outcome);
        }
      };
      if (sync) {
        time.advanceMillis(takesMillis);
        report.run();
      } else {
        time.schedule(report, TimeUnit.MILLISECONDS.toNanos(takesMillis));
      }
      return () -> { };
    }
  }

  private static final Strategy<String, String> RETRY_AFTER_100MS = new Strategy<String, String>() {
    @Override
    public Step<String> onSuccess(String value, Duration elapsed) {
      return Step.done(value);
    }

    @Override
    public Step<String> onFailure(SfsTurboException failure, Duration elapsed) {
      return Step.again(Duration.ofMillis(100));
    }

    @Override
    public SfsTurboException onExpired(SfsTurboException lastFailure, Step<String> refused, Duration elapsed) {
      return new SfsTurboException("expired", lastFailure);
    }

    @Override
    public SfsTurboException onInterrupted(InterruptedException e) {
      return new SfsTurboException("interrupted", e);
    }
  };

  private Loop<String, String> loop(Attempt<String> attempt, long budgetMs) {
    return new Loop<>(attempt, RETRY_AFTER_100MS, time, time, scope, Duration.ofMillis(budgetMs),
        Duration.ofSeconds(1)).observe(probe);
  }

  @Test
  void eachTryStartsAndEndsOnceWithThePauseThatFollowsIt() {
    Scripted attempt = new Scripted(new TransportException("reset", null), new TransportException("reset", null));

    assertEquals("done", loop(attempt, 10_000).run(0));

    assertEquals(Arrays.asList("loop",
        "start 1", "responded 503 req", "end reset next 100ms",
        "start 2", "responded 503 req", "end reset next 100ms",
        "start 3", "responded 200 req", "end done next none"), heard);
  }

  @Test
  void theLastTryBeforeTheDeadlineEndsWithNoNextTry() {
    Scripted attempt = new Scripted(new TransportException("reset", null), new TransportException("reset", null),
        new TransportException("reset", null));
    attempt.takesMillis = 400;

    assertThrows(SfsTurboException.class, () -> loop(attempt, 1_000).run(0));

    assertEquals("end reset next none", heard.get(heard.size() - 1), heard.toString());
    assertEquals(heard.stream().filter(s -> s.startsWith("start")).count(),
        heard.stream().filter(s -> s.startsWith("end")).count(), heard.toString());
  }

  @Test
  void aTryCutShortByCancelIsAbandonedOnceBeforeTheLoopCompletes() {
    Scripted attempt = new Scripted("late");
    attempt.takesMillis = 500;
    Loop<String, String> loop = loop(attempt, 10_000);
    CompletableFuture<String> f = loop.start(0);
    f.whenComplete((v, e) -> heard.add("completed"));

    f.cancel(true);
    time.advanceMillis(1_000);

    assertEquals(Arrays.asList("loop", "start 1", "abandoned", "completed"), heard);
  }

  @Test
  void aTryInFlightWhenTheClientClosesIsAbandoned() {
    Scripted attempt = new Scripted("late");
    attempt.takesMillis = 500;
    loop(attempt, 10_000).start(0);

    scope.close(() -> new SfsTurboException("closed"));
    time.advanceMillis(1_000);

    assertEquals(Arrays.asList("loop", "start 1", "abandoned"), heard);
  }
}
