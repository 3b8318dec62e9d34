// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import io.sfsturbo.jobs.testing.FakeTime;
import io.sfsturbo.jobs.time.TimeSource;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The adaptive limiter at the exact edges of its rules, on manual virtual time: when a window of answers is
 * measured, when a 429 is too sporadic to count, when the window after a decrease ends, and that a fixed
 * ceiling never throttled stays where it is. Defaults: a decrease to 0.7 of the rate, 1 request/s at least.
 */
class RateLimiterBoundsTest {
  private final FakeTime time = FakeTime.manual();

  private static void passed(RateLimiter limiter, int n) {
    for (int i = 0; i < n; i++) {
      limiter.passed();
    }
  }

  /** 429s to tries of the current rate, at one instant, until the rate is lowered; returns how many it took. */
  private static int throttleUntilLowered(RateLimiter limiter) {
    int generation = limiter.generation();
    int n = 0;
    while (limiter.generation() == generation && n < 1_000) {
      limiter.throttled(generation);
      n++;
    }
    return n;
  }

  /** A limiter whose first window (51 answers in exactly 0.5 s: 102/s) has just been measured. */
  private RateLimiter measuredAt102PerSecond() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    passed(limiter, 50);
    time.advanceMillis(500);
    limiter.passed();
    return limiter;
  }

  @Test
  void aWindowIsMeasuredWhenItsHalfSecondIsUpAndTheFirstMeasureIsTakenAsItIs() {
    RateLimiter limiter = measuredAt102PerSecond();
    assertFalse(limiter.engaged());
    // 429s at the same instant: the third makes 5 % of the answers; the rate is 0.7 of the 102/s measured.
    assertEquals(3, throttleUntilLowered(limiter));
    assertEquals(0.7 * 102, limiter.rate(), 1e-9);
  }

  @Test
  void a429WithinAFifthOfAWindowUsesTheLastMeasureAndOneAfterItMeasuresAgain() {
    // 10 more answers at the start of the next window, then 429s 99 ms or 100 ms into it.
    RateLimiter early = measuredAt102PerSecond();
    passed(early, 10);
    time.advanceMillis(99);
    assertEquals(4, throttleUntilLowered(early));
    assertEquals(0.7 * 102, early.rate(), 1e-9, "the last window's measure");

    RateLimiter late = measuredAt102PerSecond();
    passed(late, 10);
    time.advanceMillis(100);
    assertEquals(4, throttleUntilLowered(late));
    // 14 answers in 0.1 s: 140/s, smoothed with the 102/s before: 0.8 × 140 + 0.2 × 102.
    assertEquals(0.7 * (0.8 * 140 + 0.2 * 102), late.rate(), 1e-9);
  }

  @Test
  void a429IsSporadicBelowFivePercentOfTheAnswersAndCountsFromFivePercent() {
    RateLimiter atFive = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    passed(atFive, 19);
    atFive.throttled(0);
    assertTrue(atFive.engaged(), "1 of 20 answers is 5 %: it counts");
    assertEquals(1, atFive.generation());
    // Nothing was measured yet (no time has passed): the minimum rate, not a rate divided by zero.
    assertEquals(1.0, atFive.rate(), 1e-9);

    RateLimiter below = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    passed(below, 20);
    below.throttled(0);
    assertFalse(below.engaged(), "1 of 21 is below 5 %: sporadic");
    assertEquals(0, below.generation());
  }

  @Test
  void theRateIsJudgedAgainHalfASecondAfterADecreaseAndNeverByA429ToAnOlderRate() {
    RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.defaults(), time);
    limiter.throttled(0);
    assertEquals(1, limiter.generation());
    time.advanceMillis(499);
    limiter.throttled(1);
    assertEquals(1, limiter.generation(), "within the half second after a decrease: not judged");
    time.advanceMillis(1);
    limiter.throttled(1);
    assertEquals(2, limiter.generation(), "half a second after it: judged, and lowered");
    time.advanceMillis(5_000);
    limiter.throttled(1);
    assertEquals(2, limiter.generation(), "a 429 to a try sent at the older rate says nothing of this one");
  }

  @Test
  void aFixedCeilingNeverThrottledStaysWhateverIsSent() {
    RateLimiter fixed = new RateLimiter(AdaptiveRateLimit.builder().maxRequestsPerSecond(10).build(), time);
    assertEquals(10, fixed.rate(), 1e-9);
    for (int i = 0; i < 4; i++) {
      time.advanceMillis(1_000);
      fixed.passed();
    }
    assertEquals(10, fixed.rate(), 1e-9, "one answer a second is no reason to lower a ceiling");
    assertEquals(0, fixed.generation());
  }

  @Test
  void theFirst429IsJudgedWhateverTheTickersOrigin() {
    // System.nanoTime() may read anything, zero and below included: only a decrease starts the half second.
    for (long origin : new long[] {0, -2_000_000_000L}) {
      TimeSource ticker = new TimeSource() {
        @Override
        public long nanoTime() {
          return origin;
        }

        @Override
        public Instant now() {
          return Instant.EPOCH;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
          throw new UnsupportedOperationException();
        }

        @Override
        public double jitter() {
          return 0;
        }
      };
      RateLimiter limiter = new RateLimiter(AdaptiveRateLimit.defaults(), ticker);
      limiter.throttled(0);
      assertEquals(1, limiter.generation(), "origin " + origin);
    }
  }
}
