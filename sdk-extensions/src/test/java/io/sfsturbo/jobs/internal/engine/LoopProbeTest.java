// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.internal.http.Cancellable;
import io.sfsturbo.jobs.internal.http.Exchange;
import io.sfsturbo.jobs.testing.FakeTime;
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
  private FakeTime time = FakeTime.manual();
  private final RunningLoops scope = new RunningLoops();
  private final List<String> heard = new ArrayList<>();

  private final LoopProbe<String> probe = new LoopProbe<String>() {
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
  private final class Scripted implements Exchange<String> {
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
        time.sleepMillis(takesMillis);
        report.run();
      } else {
        time.schedule(report, takesMillis, TimeUnit.MILLISECONDS);
      }
      return () -> { };
    }
  }

  private static final Decider<String, String> RETRY_AFTER_100MS = new Decider<String, String>() {
    @Override
    public Decision<String> onSuccess(String value, Duration elapsed) {
      return Decision.done(value);
    }

    @Override
    public Decision<String> onFailure(SfsTurboException failure, Duration elapsed) {
      return Decision.again(Duration.ofMillis(100));
    }

    @Override
    public SfsTurboException onExpired(SfsTurboException lastFailure, Decision<String> refused, Duration elapsed) {
      return new SfsTurboException("expired", lastFailure);
    }

    @Override
    public SfsTurboException onInterrupted(InterruptedException e) {
      return new SfsTurboException("interrupted", e);
    }
  };

  private AttemptLoop<String, String> loop(Exchange<String> attempt, long budgetMs) {
    return new AttemptLoop<>(attempt, RETRY_AFTER_100MS, time, scope, Duration.ofMillis(budgetMs),
        Duration.ofSeconds(1), RateLimiter.NONE).observe(probe);
  }

  @Test
  void eachTryStartsAndEndsOnceWithThePauseThatFollowsIt() {
    time = FakeTime.automatic();
    Scripted attempt = new Scripted(new TransportException("reset", null), new TransportException("reset", null));

    assertEquals("done", loop(attempt, 10_000).run(0));

    assertEquals(Arrays.asList("loop",
        "start 1", "responded 503 req", "end reset next 100ms",
        "start 2", "responded 503 req", "end reset next 100ms",
        "start 3", "responded 200 req", "end done next none"), heard);
  }

  @Test
  void theLastTryBeforeTheDeadlineEndsWithNoNextTry() {
    time = FakeTime.automatic();
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
    AttemptLoop<String, String> loop = loop(attempt, 10_000);
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
