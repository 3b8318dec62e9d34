// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.BadRequestException;
import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.retry.Backoff;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic every loop obeys: the final window a last try is given, how a delay is clamped to it (and
 * never below the server's floor), and the one retry decision (attempts, backoff, Retry-After up to the
 * policy's cap). Pure functions of their arguments: no clock.
 */
class DeadlineAndRetryDecisionTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000 * MS;

  @Test
  void theFinalWindowIsTheSmallestOfASecondTheAttemptBoundAndHalfTheBudget() {
    long[][] cases = {
        // budget ms, attempt ms, latest start ms
        {10_000, 20_000, 9_000},
        {10_000, 300, 9_700},
        {10_000, 1_000, 9_000},
        {1_000, 20_000, 500},
        {2_000, 20_000, 1_000},
        {4, 20_000, 2},
        {0, 20_000, 0},
    };
    for (long[] c : cases) {
      Deadline d = new Deadline(Duration.ofMillis(c[0]), Duration.ofMillis(c[1]));
      assertEquals(c[0] * MS, d.budgetNanos(), "budget " + c[0]);
      assertEquals(c[2] * MS, d.latestStartNanos(), "budget " + c[0] + ", attempt " + c[1]);
    }
    Deadline forever = new Deadline(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(20));
    assertEquals(Durations.MAX_NANOS, forever.budgetNanos(), "saturated, not overflowed");
    assertEquals(Durations.MAX_NANOS - S, forever.latestStartNanos());
    Instant start = Instant.parse("2026-11-29T10:00:00Z");
    assertEquals(start.plusSeconds(29 * 60 + 59), Deadline.latestStart(start, Duration.ofMinutes(30),
        Duration.ofSeconds(20)));
    assertEquals(start.plusMillis(9_700), Deadline.latestStart(start, Duration.ofSeconds(10), Duration.ofMillis(300)));
  }

  @Test
  void aDelayIsKeptWhenTheTryStillStartsByTheLastStartElseClampedOnceElseTheLoopEnds() {
    // Budget 10 s, last start at 9 s.
    Deadline d = new Deadline(Duration.ofSeconds(10), Duration.ofSeconds(20));
    assertEquals(9 * S, d.leftNanos(S));
    assertEquals(-S, d.leftNanos(11 * S));
    long[][] cases = {
        // now, delay, floor, last try start, expected
        {0, 9 * S, 0, 0, 9 * S},                    // ends exactly at the last start: kept
        {9 * S, 0, 0, 9 * S, 0},                    // kept even right after a try there (a zero-length one)
        {0, 9 * S + 1, 0, 0, 9 * S},                // a nanosecond past: clamped to the last start
        {2 * S, 30 * S, 0, 2 * S, 7 * S},           // clamped
        {2 * S, 30 * S, 0, 9 * S - 1, 7 * S},       // the last try started just before the last start
        {2 * S, 30 * S, 0, 9 * S, -1},              // one started there already: no second last try
        {2 * S, 30 * S, 0, -1, 7 * S},              // none started yet
        {9 * S + 5, 1, 0, 0, 0},                    // past the last start: at once, not negative
        {2 * S, 7 * S, 7 * S, 2 * S, 7 * S},        // a floor that fits exactly is honoured
        {2 * S, 7 * S + 1, 7 * S + 1, 2 * S, -1},   // a floor that does not fit ends the loop
        {2 * S, 30 * S, 3 * S, 2 * S, 7 * S},       // a floor that fits lets a longer delay be clamped
        {2 * S, Long.MAX_VALUE, 0, 2 * S, 7 * S},   // no overflow
    };
    for (long[] c : cases) {
      assertEquals(c[4], d.delayBefore(c[0], c[1], c[2], c[3]),
          "now " + c[0] + ", delay " + c[1] + ", floor " + c[2] + ", last try " + c[3]);
    }
    assertFalse(d.floorPasses(2 * S, 0), "no floor");
    assertFalse(d.floorPasses(2 * S, 7 * S), "ends at the last start");
    assertTrue(d.floorPasses(2 * S, 7 * S + 1));
    assertTrue(d.floorPasses(2 * S, Long.MAX_VALUE), "saturated");
    assertFalse(d.floorPasses(2 * S, -1), "a negative floor is none");
    assertFalse(d.floorPasses(10 * S, 0), "past the last start, no floor is still none");
  }

  @Test
  void aDecisionSaysWhetherItGoesOnAndWithWhichDelayAndFloor() {
    SfsTurboException failure = new SfsTurboException("x");
    for (Decision<String> end : java.util.List.of(Decision.done("v"), Decision.<String>fail(failure))) {
      assertFalse(end.isAgain());
      assertNull(end.delay());
      assertNull(end.floor());
      assertNull(end.floorReason());
    }
    assertEquals("v", Decision.done("v").value);
    assertSame(failure, Decision.fail(failure).failure);

    Decision<String> now = Decision.again(Duration.ZERO);
    assertTrue(now.isAgain(), "a delay of zero is a try at once");
    assertEquals(Duration.ZERO, now.delay());
    assertNull(now.floor());
    assertNull(now.floorReason());
    assertEquals(Durations.MAX_NANOS, Decision.again(Duration.ofSeconds(Long.MAX_VALUE)).delayNanos, "saturated");

    Decision<String> raised = Decision.againNoSoonerThan(Duration.ofSeconds(1), Duration.ofSeconds(3), "asked");
    assertEquals(Duration.ofSeconds(3), raised.delay(), "never below the floor");
    assertEquals(Duration.ofSeconds(3), raised.floor());
    assertEquals("asked", raised.floorReason());
    Decision<String> longer = Decision.againNoSoonerThan(Duration.ofSeconds(5), Duration.ofSeconds(3), "asked");
    assertEquals(Duration.ofSeconds(5), longer.delay());
    assertEquals(Duration.ofSeconds(3), longer.floor());
    Decision<String> noFloor = Decision.againNoSoonerThan(Duration.ofSeconds(5), Duration.ZERO, "asked");
    assertNull(noFloor.floor());
    assertNull(noFloor.floorReason(), "no floor, no reason");
    assertEquals(Duration.ofNanos(1), Decision.againNoSoonerThan(Duration.ZERO, Duration.ofNanos(1), "r").floor());
  }

  private static ErrorDetails details(int status) {
    return new ErrorDetails("op", status, null, null, null, "");
  }

  private static ThrottledException throttled(Duration retryAfter) {
    return new ThrottledException(details(429), retryAfter);
  }

  @Test
  void theRetryDecisionFollowsAttemptsBackoffAndTheServersRetryAfterUpToTheCap() {
    RetryPolicy policy = RetryPolicy.builder().backoff(Backoff.of(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1),
        0.5)).maxRetryAfter(Duration.ofSeconds(10)).build();
    TransportException reset = new TransportException("reset", null);
    // Backoff: 100 ms, 200 ms, 400 ms, 800 ms (capped at 1 s), up to half of each drawn at random.
    assertEquals(Duration.ofMillis(100), RetryDecision.after(reset, true, 1, 5, policy, 0.0).delay());
    assertEquals(Duration.ofMillis(200), RetryDecision.after(reset, true, 2, 5, policy, 0.0).delay());
    assertEquals(Duration.ofMillis(300), RetryDecision.after(reset, true, 3, 5, policy, 0.5).delay());
    assertEquals(Duration.ofMillis(800), RetryDecision.after(reset, true, 4, 5, policy, 0.0).delay());
    assertNull(RetryDecision.after(reset, true, 5, 5, policy, 0.0), "the last failure allowed ends the loop");
    assertNull(RetryDecision.after(reset, true, 6, 5, policy, 0.0));
    assertNull(RetryDecision.after(reset, false, 1, 5, policy, 0.0), "not tolerated");
    assertNull(RetryDecision.after(reset, true, 1, 5, policy, 0.0).floor(), "no floor without a Retry-After");

    Object[][] retryAfters = {
        // Retry-After, delay, floor (null: none), or null decision
        {null, Duration.ofMillis(100), null},
        {Duration.ZERO, Duration.ofMillis(100), null},
        {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(50)},
        {Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3)},
        {Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10)},
        {Duration.ofSeconds(10).plusMillis(1), null, null},
    };
    for (Object[] c : retryAfters) {
      Decision<String> d = RetryDecision.after(throttled((Duration) c[0]), true, 1, 5, policy, 0.0);
      if (c[1] == null) {
        assertNull(d, "a Retry-After past the cap ends the retries: " + c[0]);
        continue;
      }
      assertEquals(c[1], d.delay(), "Retry-After " + c[0]);
      assertEquals(c[2], d.floor(), "Retry-After " + c[0]);
      if (c[2] != null) {
        assertEquals("the server asked to wait " + io.sfsturbo.jobs.text.DurationText.format((Duration) c[0])
            + " (Retry-After)", d.floorReason());
      }
    }
  }

  /** Counts the draws of jitter. */
  private static final class Draws implements java.util.function.DoubleSupplier {
    int n;

    @Override
    public double getAsDouble() {
      n++;
      return 0.0;
    }
  }

  @Test
  void aCallRetriesTransientFailuresUpToItsAttemptsAndEndsWithTheEarlierOnesSuppressed() {
    Draws draws = new Draws();
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).backoff(Backoff.of(Duration.ofMillis(100), 2.0,
        Duration.ofSeconds(1), 1.0)).build();
    CallDecider<String> call = new CallDecider<>("ShowJobDetail of job 'j'", policy, draws, Duration.ofSeconds(10));
    assertEquals("v", call.onSuccess("v", Duration.ZERO).value);
    TransportException first = new TransportException("first", null);
    ServerException second = new ServerException(details(503));
    TransportException third = new TransportException("third", null);
    assertEquals(Duration.ofMillis(100), call.onFailure(first, Duration.ZERO).delay());
    assertEquals(Duration.ofMillis(200), call.onFailure(second, Duration.ZERO).delay());
    assertEquals(2, draws.n);
    Decision<String> end = call.onFailure(third, Duration.ZERO);
    assertFalse(end.isAgain());
    assertSame(third, end.failure);
    assertArrayEquals(new Throwable[] {first, second}, third.getSuppressed());
    assertEquals(2, draws.n, "no jitter is drawn for a failure that ends the call");

    Draws none = new Draws();
    CallDecider<String> once = new CallDecider<>("op", policy, none, Duration.ofSeconds(10));
    BadRequestException bad = new BadRequestException(details(400));
    assertSame(bad, once.onFailure(bad, Duration.ZERO).failure, "not retryable: at once");
    assertEquals(0, bad.getSuppressed().length);
    assertEquals(0, none.n);
  }

  @Test
  void aCallsTimeoutNamesItsBudgetItsAttemptsAndARefusedRetryAfter() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).build();
    CallDecider<String> call = new CallDecider<>("ShowJobDetail of job 'j'", policy, () -> 0.0, Duration.ofSeconds(10));
    TransportException first = new TransportException("first", null);
    assertTrue(call.onFailure(first, Duration.ZERO).isAgain());
    RequestTimeoutException one = assertInstanceOf(RequestTimeoutException.class,
        call.onExpired(first, null, Duration.ofSeconds(10)));
    assertEquals("ShowJobDetail of job 'j' did not complete within its budget of 10s (1 attempt)", one.getMessage());
    assertSame(first, one.getCause());
    assertEquals(0, one.getSuppressed().length, "the cause is not suppressed again");

    ThrottledException second = throttled(Duration.ofSeconds(30));
    Decision<String> refused = call.onFailure(second, Duration.ZERO);
    SfsTurboException two = call.onExpired(second, refused, Duration.ofSeconds(10));
    assertEquals("ShowJobDetail of job 'j' did not complete within its budget of 10s (2 attempts; the server asked to "
        + "wait 30s (Retry-After), past the budget)", two.getMessage());
    assertArrayEquals(new Throwable[] {first}, two.getSuppressed());
    SfsTurboException noFailure = call.onExpired(null, Decision.again(Duration.ofSeconds(1)), Duration.ZERO);
    assertEquals("ShowJobDetail of job 'j' did not complete within its budget of 10s (2 attempts)",
        noFailure.getMessage(), "a refused step without a floor names none");
    assertNull(noFailure.getCause());
    assertEquals(2, noFailure.getSuppressed().length);

    SfsTurboException interrupted = call.onInterrupted(new InterruptedException());
    assertEquals("ShowJobDetail of job 'j' was interrupted", interrupted.getMessage());
    assertInstanceOf(InterruptedException.class, interrupted.getCause());
    assertArrayEquals(new Throwable[] {first, second}, interrupted.getSuppressed());
  }
}
