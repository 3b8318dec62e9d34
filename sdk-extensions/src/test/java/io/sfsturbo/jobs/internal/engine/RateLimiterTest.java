// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.internal.http.Cancellable;
import io.sfsturbo.jobs.internal.http.Exchange;
import io.sfsturbo.jobs.testing.FakeTime;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The adaptive rate limiter on virtual time: no test here sleeps. */
class RateLimiterTest {
  private final FakeTime time = FakeTime.manual();

  /** Answers {@code n} tries per 10 ms of virtual time, as a steady client would. */
  private void answer(RateLimiter limiter, int n, long overMillis) {
    for (int i = 0; i < n; i++) {
      limiter.passed();
      time.advanceNanos(TimeUnit.MILLISECONDS.toNanos(overMillis) / n);
    }
  }

  /** 429s to tries of the current rate, at one instant, until they lower it (the first ones may be sporadic). */
  private static void throttle(RateLimiter limiter) {
    int generation = limiter.generation();
    for (int i = 0; i < 10_000 && limiter.generation() == generation; i++) {
      limiter.throttled(generation);
    }
    assertTrue(limiter.generation() != generation, "the 429s lowered the rate");
  }

  @Test
  void dormantUntilTheFirstThrottling() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    answer(limiter, 1000, 1000);
    for (int i = 0; i < 10_000; i++) {
      assertEquals(0, limiter.reserve());
    }
    assertFalse(limiter.engaged());
  }

  @Test
  void aThrottlingSetsTheRateToTheFactorOfWhatWasSentAndSpacesTries() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    answer(limiter, 1000, 1000); // 1 000 answers per second
    throttle(limiter);
    double rate = limiter.rate();
    // 0.7 × the answers measured: 1 000/s, and the 429s that it took to see the overload.
    assertTrue(rate > 650 && rate < 800, "rate " + rate);
    // 1 400 tries at once: the first second's worth goes at the rate, each slot its own.
    long last = -1;
    for (int i = 0; i < 1400; i++) {
      long wait = limiter.reserve();
      assertTrue(wait >= last, "slots are handed out in order");
      last = wait;
    }
    long expected = (long) (1399 * 1e9 / rate);
    assertTrue(Math.abs(last - expected) < TimeUnit.MILLISECONDS.toNanos(20),
        "the 1 400th try waits 1 399 intervals (about 2 s), waited " + last + " ns, expected " + expected);
  }

  @Test
  void aBurstOf429sToTriesSentAtTheOldRateLowersItOnce() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    answer(limiter, 1000, 1000);
    int sentIn = limiter.generation();
    for (int i = 0; i < 500; i++) {
      limiter.throttled(sentIn);
    }
    double once = limiter.rate();
    assertTrue(once > 650, "rate " + once);
    // A 429 to a try sent at the new rate lowers it again, once the old rate's requests have arrived.
    time.advanceNanos(RateLimiter.WINDOW_NANOS);
    throttle(limiter);
    assertTrue(limiter.rate() < once * 0.75, "rate " + limiter.rate());
  }

  @Test
  void theRateRecoversAlongCubicAndProbesBeyond() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    answer(limiter, 1000, 1000);
    throttle(limiter);
    double max = limiter.rate() / 0.7;
    // K = cbrt(max * 0.3 / 0.4), about 9 s: back near the throttled rate then, above it later.
    answer(limiter, 700 * 4, 4000);
    double at4 = limiter.rate();
    answer(limiter, 900 * 5, 5000);
    double at9 = limiter.rate();
    answer(limiter, 1000 * 6, 6000);
    double at15 = limiter.rate();
    assertTrue(at4 > 0.7 * max && at4 < max, "at 4 s " + at4);
    assertTrue(at9 > 0.97 * max && at9 < 1.03 * max, "at 9 s " + at9);
    assertTrue(at15 > 1.05 * max, "at 15 s " + at15);
  }

  @Test
  void neverAboveTwiceWhatIsSentNorBelowTheMinimumNorAboveAFixedMaximum() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.builder().minRequestsPerSecond(5).build(), time);
    answer(limiter, 100, 1000);
    throttle(limiter);
    answer(limiter, 10 * 60, 60_000); // 10 per second for a minute
    assertTrue(limiter.rate() <= 21, "rate " + limiter.rate());
    for (int i = 0; i < 20; i++) {
      time.advanceNanos(RateLimiter.WINDOW_NANOS);
      throttle(limiter);
    }
    assertEquals(5, limiter.rate(), 1e-9);

    RateLimiter fixed = new RateLimiter(AdaptiveRateLimit.builder().maxRequestsPerSecond(10).build(), time);
    assertTrue(fixed.engaged());
    long last = 0;
    for (int i = 0; i < 30; i++) {
      last = fixed.reserve();
    }
    assertTrue(last >= TimeUnit.MILLISECONDS.toNanos(1900), "30 tries at 10/s: the last waits ~2 s, " + last);
  }

  @Test
  void aDecreaseVoidsTheSlotsHandedOutAtTheOldRate() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    answer(limiter, 1000, 1000);
    throttle(limiter);
    for (int i = 0; i < 2000; i++) {
      limiter.reserve(); // slots up to ~3 s ahead at 700/s
    }
    time.advanceNanos(RateLimiter.WINDOW_NANOS);
    int before = limiter.generation();
    limiter.throttled(before);
    assertTrue(limiter.generation() != before, "a new generation: reserved tries reserve again");
    // The schedule restarts from now at the new rate, not behind the 2 000 void slots.
    assertEquals(0, limiter.reserve());
    long interval = (long) (1e9 / limiter.rate());
    assertEquals(interval, limiter.reserve(), interval / 100.0);
  }

  @Test
  void the429sJustAfterADecreaseDoNotLowerTheRateAgain() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    answer(limiter, 2000, 1000);
    throttle(limiter);
    double once = limiter.rate();
    int generation = limiter.generation();
    // Requests sent at the old rate still reach the gateway for a round trip or a queue's worth of time,
    // so it refuses some sent at the new rate too: those 429s say nothing of the new rate.
    for (int i = 0; i < 1000; i++) {
      limiter.throttled(generation);
      time.advanceNanos((RateLimiter.WINDOW_NANOS - 1) / 1000);
    }
    assertEquals(generation, limiter.generation());
    assertEquals(once, limiter.rate(), 1e-9);
    // Half a second on, they do.
    time.advanceNanos(RateLimiter.WINDOW_NANOS / 1000 + 1);
    limiter.throttled(generation);
    assertTrue(limiter.generation() != generation);
    assertTrue(limiter.rate() < once, "rate " + limiter.rate());
  }

  @Test
  void holdIsHowLongAReservationWouldWaitAndTakesNoSlot() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.builder().maxRequestsPerSecond(100).build(), time);
    // One second of burst, then one slot every 10 ms.
    for (int i = 0; i < 100; i++) {
      assertEquals(0, limiter.hold());
      assertEquals(0, limiter.reserve());
    }
    for (int i = 0; i < 50; i++) {
      long hold = limiter.hold();
      assertEquals(hold, limiter.hold(), "asking takes no slot");
      assertEquals(hold, limiter.reserve());
      assertEquals(TimeUnit.MILLISECONDS.toNanos(10) * i, hold, 1_000);
    }
    time.advanceMillis(200);
    assertEquals(TimeUnit.MILLISECONDS.toNanos(300), limiter.hold(), 1_000);
    assertEquals(0, new RateLimiter(AdaptiveRateLimit.defaults(), time).hold(), "dormant: never held");
  }

  @Test
  void sporadic429sDoNotLowerTheRate() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    // 1 000 answers a second for a minute, one in 70 a 429 (1.4 %), as a gateway that fails some requests.
    for (int i = 0; i < 60_000; i++) {
      if (i % 70 == 69) {
        limiter.throttled(limiter.generation());
      } else {
        limiter.passed();
      }
      time.advanceNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    assertFalse(limiter.engaged());
    // One in ten is not sporadic.
    for (int i = 0; i < 1000 && !limiter.engaged(); i++) {
      if (i % 10 == 9) {
        limiter.throttled(limiter.generation());
      } else {
        limiter.passed();
      }
      time.advanceNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    assertTrue(limiter.engaged());
  }

  @Test
  void disabledNeverLimits() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.disabled(), time);
    limiter.throttled(0);
    limiter.throttled(1);
    assertEquals(0, limiter.reserve());
    assertFalse(limiter.engaged());
  }

  @Test
  void loopsOfOneEngineShareTheRateAfterA429() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.builder().minRequestsPerSecond(1).build(), time);
    RunningLoops scope = new RunningLoops();
    List<Long> startedAt = new ArrayList<>();
    long origin = time.nanoTime();
    // The first try of the first loop is throttled; every other try succeeds after 10 ms.
    boolean[] throttledOnce = {false};
    Exchange<String> attempt = (timeoutNanos, sync, callback) -> {
      startedAt.add(TimeUnit.NANOSECONDS.toMillis(time.nanoTime() - origin));
      time.schedule(() -> {
        if (!throttledOnce[0]) {
          throttledOnce[0] = true;
          callback.failed(new ThrottledException(new ErrorDetails("ShowJobDetail", 429, "APIGW.0308", "throttled", null, null),
              Duration.ZERO));
        } else {
          callback.succeeded("ok");
        }
      }, 10, TimeUnit.MILLISECONDS);
      return () -> { };
    };
    Decider<String, String> retryAtOnce = new Decider<String, String>() {
      @Override
      public Decision<String> onSuccess(String value, Duration elapsed) {
        return Decision.done(value);
      }

      @Override
      public Decision<String> onFailure(SfsTurboException failure, Duration elapsed) {
        return Decision.again(Duration.ZERO);
      }

      @Override
      public SfsTurboException onExpired(SfsTurboException lastFailure, Decision<String> refused, Duration elapsed) {
        return new SfsTurboException("expired");
      }

      @Override
      public SfsTurboException onInterrupted(InterruptedException e) {
        return new SfsTurboException("interrupted");
      }
    };
    List<CompletableFuture<String>> loops = new ArrayList<>();
    loops.add(new AttemptLoop<>(attempt, retryAtOnce, time, scope, Duration.ofMinutes(1), Duration.ofSeconds(5),
        limiter).start(0));
    time.advanceMillis(20); // the 429 arrives: 1 answer in 10 ms, 100/s, so the rate becomes 70/s
    assertTrue(limiter.engaged());
    for (int i = 0; i < 3; i++) {
      loops.add(new AttemptLoop<>(attempt, retryAtOnce, time, scope, Duration.ofMinutes(1), Duration.ofSeconds(5),
          limiter).start(0));
    }
    time.runAll(60_000);
    for (CompletableFuture<String> loop : loops) {
      assertEquals("ok", loop.join());
    }
    // The retry and the three new loops, started together, go at 70/s: 1000 / 70 = 14 ms apart.
    assertEquals(5, startedAt.size());
    for (int i = 2; i < startedAt.size(); i++) {
      long gap = startedAt.get(i) - startedAt.get(i - 1);
      assertTrue(gap >= 14, "tries " + (i - 1) + " and " + i + " started " + gap + " ms apart: " + startedAt);
    }
  }
}
