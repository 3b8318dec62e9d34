// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.internal.engine.Decision;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * A wait's schedule, decided by its decider on given times (no clock, no sleep): anchored to when each
 * poll was due, a late answer counting as the poll it passed, and a poll that the rate limiter would hold
 * too long skipped for the next step.
 */
class WaitDeciderTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  /** 2 s, 3 s, 4.5 s, 6.75 s, 10.125 s ... with the draws of 0 (no jitter taken off). */
  private static final WaitOptions OPTIONS = WaitOptions.builder().pollInterval(Duration.ofSeconds(2))
      .backoffMultiplier(1.5).maxInterval(Duration.ofSeconds(30)).jitter(0.2).timeout(Duration.ofMinutes(30)).build();
  private static final JobDetail RUNNING = JobDetail.builder().jobId("j").status(JobStatus.RUNNING).build();
  private static final JobProgressListener LISTENER = new JobProgressListener() {};

  /** Counts the jitter draws, all 0. */
  private static final class Draws implements DoubleSupplier {
    int n;

    @Override
    public double getAsDouble() {
      n++;
      return 0.0;
    }
  }

  private final Draws draws = new Draws();
  /** The wall clock that checkpoints are taken in; a test sets it with the elapsed time it passes. */
  private Instant now = T0;
  private static final Duration ATTEMPT = Duration.ofSeconds(20);

  private WaitDecider wait(WaitOptions options) {
    return new WaitDecider(WaitCheckpoint.start("j", options, T0), LISTENER, RetryPolicy.defaults(), draws,
        () -> now, Duration.ZERO, false, ATTEMPT);
  }

  private static WaitCheckpoint checkpoint(Instant startedAt, Instant takenAt, Duration next, int polls, int step,
      WaitOptions options) {
    return WaitCheckpoint.builder().jobId("j").startedAt(startedAt).takenAt(takenAt).nextDelay(next).polls(polls)
        .scheduleStep(step).lastStatus("running").options(options).build();
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static long delayMillis(Decision<WaitResult> step) {
    assertNotNull(step.delay(), "the wait goes on");
    return step.delay().toMillis();
  }

  @Test
  void theNextPollIsDueOneIntervalAfterThisOneWasDueNotAfterItsAnswer() {
    WaitDecider s = wait(OPTIONS);
    // Due at 0, answered at 0.3 s: the next is due at 2 s, 1.7 s from now.
    assertEquals(1_700, delayMillis(s.onSuccess(RUNNING, ms(300))));
    // Due at 2 s, answered at 2.45 s: the next is due at 5 s.
    assertEquals(2_550, delayMillis(s.onSuccess(RUNNING, ms(2_450))));
    assertEquals(2, draws.n, "one draw per step");
  }

  @Test
  void anAnswerAfterTheNextDueTimeCountsAsThatPoll() {
    WaitDecider s = wait(OPTIONS);
    // Due at 0, answered at 2.5 s (it was held or slow): the poll due at 2 s is this one; the next is due at 5 s.
    now = T0.plusMillis(2_500);
    assertEquals(2_500, delayMillis(s.onSuccess(RUNNING, ms(2_500))));
    assertEquals(2, s.checkpoint().scheduleStep());
    assertEquals(T0.plusSeconds(5), s.checkpoint().nextPollAt());
    assertEquals(1, s.checkpoint().polls(), "one request");
    assertFalse(s.checkpoint().notFoundReported(), "no 404 was heard");
    // Due at 5 s, answered at 5.1 s: the next is due at 9.5 s.
    assertEquals(4_400, delayMillis(s.onSuccess(RUNNING, ms(5_100))));
    assertEquals(3, draws.n);
  }

  @Test
  void anAnswerTooLateForHalfTheNextStepIsNotFollowedAtOnce() {
    WaitDecider s = wait(OPTIONS);
    assertEquals(1_950, delayMillis(s.onSuccess(RUNNING, ms(50))));
    // Due at 2 s, answered at 3.4 s (a slow gateway): the poll due at 5 s would cover 1.6 s of its 3 s step, more
    // than half, so it stays.
    assertEquals(1_600, delayMillis(s.onSuccess(RUNNING, ms(3_400))));
    // Due at 5 s, answered at 7.5 s: the one due at 9.5 s would come 2 s later, under half its 4.5 s step, so the
    // schedule moves on to the step due at 16.25 s.
    now = T0.plusMillis(7_500);
    assertEquals(16_250 - 7_500, delayMillis(s.onSuccess(RUNNING, ms(7_500))));
    assertEquals(T0.plusMillis(16_250), s.checkpoint().nextPollAt());
  }

  @Test
  void anAnswerLeavingExactlyHalfTheNextStepKeepsIt() {
    WaitDecider s = wait(OPTIONS);
    assertEquals(1_950, delayMillis(s.onSuccess(RUNNING, ms(50))));
    assertEquals(1_600, delayMillis(s.onSuccess(RUNNING, ms(3_400))));
    // Due at 5 s, answered at 7.25 s: the poll due at 9.5 s covers 2.25 s, exactly half its 4.5 s step: it stays.
    now = T0.plusMillis(7_250);
    assertEquals(2_250, delayMillis(s.onSuccess(RUNNING, ms(7_250))));
    assertEquals(T0.plusMillis(9_500), s.checkpoint().nextPollAt());
  }

  @Test
  void aHeldPollIsSkippedWhenTheHoldPassesAQuarterOfTheTimeSinceTheJobWasLastRead() {
    WaitDecider s = wait(OPTIONS);
    // A fresh wait has read nothing yet: its first poll, held at all, is skipped for the one due at 2 s.
    assertEquals(2_000, delayMillis(s.onHeld(1, ms(0))));
    // Due at 2 s, read at 2.05 s: the next, due at 5 s, covers 2.95 s, and may be held up to a quarter of it.
    assertEquals(3_000 - 50, delayMillis(s.onSuccess(RUNNING, ms(2_050))));
    assertNull(s.onHeld(ms(737).toNanos(), ms(5_000)), "held 0.737 s of 2.95 s: it waits for its slot");
    Decision<WaitResult> skip = s.onHeld(ms(738).toNanos(), ms(5_000));
    assertEquals(4_500, delayMillis(skip), "held longer: skipped for the poll due at 9.5 s");
    // At 9.5 s the job was last read 7.45 s ago: a 1.8 s hold is waited for.
    assertNull(s.onHeld(ms(1_800).toNanos(), ms(9_500)));
    // The poll made then is the one due at 9.5 s: the next is due at 16.25 s.
    assertEquals(16_250 - 11_300, delayMillis(s.onSuccess(RUNNING, ms(11_300))));
    assertEquals(2, s.checkpoint().polls(), "two requests: the skipped poll sent none");
  }

  @Test
  void aCheckpointAtTheExtremesOfItsRangeIsTakenWithoutOverflow() {
    WaitCheckpoint old = checkpoint(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"), Duration.ofDays(365),
        Integer.MAX_VALUE, Integer.MAX_VALUE, OPTIONS);
    // Its deadline passed millennia ago: the decider is made, counts do not wrap, and the loop's deadline ends
    // the wait as a timeout.
    WaitDecider s = new WaitDecider(old, LISTENER, RetryPolicy.defaults(), draws, () -> now, Duration.ofDays(365 * 9000L),
        false, ATTEMPT);
    assertNotNull(s.onExpired(null, null, ms(0)));
    Decision<WaitResult> next = s.onSuccess(RUNNING, Duration.ofSeconds(Long.MAX_VALUE / 2));
    assertNotNull(next.delay());
    assertEquals(Integer.MAX_VALUE, s.checkpoint().polls(), "a count at its maximum stays there");
  }

  @Test
  void aSinglePollIsNeverSkipped() {
    WaitDecider single = new WaitDecider(WaitCheckpoint.start("j", OPTIONS, T0), LISTENER, RetryPolicy.defaults(),
        draws, () -> T0, Duration.ZERO, true, ATTEMPT);
    assertNull(single.onHeld(Duration.ofMinutes(1).toNanos(), ms(0)), "its caller chose when to poll");
  }

  @Test
  void aThrottledPollIsRetriedAndTheScheduleGoesOnFromWhenItWasDue() {
    WaitDecider s = wait(OPTIONS);
    assertEquals(1_950, delayMillis(s.onSuccess(RUNNING, ms(50))));
    ThrottledException throttled = new ThrottledException(
        new ErrorDetails("ShowJobDetail", 429, "APIGW.0308", "throttled", null, null), Duration.ofSeconds(1));
    // Due at 2 s, refused at 2.05 s: tried again after the server's second.
    Decision<WaitResult> retry = s.onFailure(throttled, ms(2_050));
    assertEquals(Duration.ofSeconds(1), retry.floor());
    assertEquals(1_000, delayMillis(retry));
    // Read at 3.1 s: it was the poll due at 2 s, and the next is still due at 5 s.
    assertEquals(1_900, delayMillis(s.onSuccess(RUNNING, ms(3_100))));
  }

  @Test
  void aResumedWaitIsAnchoredAtItsNextPollOrAtTheResumeIfThatHasPassed() {
    // Taken at 5 s after the third step was drawn: the next poll is due at 9.5 s, then 16.25 s.
    WaitCheckpoint c = checkpoint(T0, T0.plusSeconds(5), ms(4_500), 3, 3, OPTIONS);
    // Resumed at 7 s: the first poll at 9.5 s, answered at 9.6 s.
    WaitDecider early = new WaitDecider(c, LISTENER, RetryPolicy.defaults(), draws, () -> T0, Duration.ofSeconds(7),
        false, ATTEMPT);
    assertEquals(16_250 - 9_600, delayMillis(early.onSuccess(RUNNING, ms(2_600))));
    // Resumed at 20 s, past its next poll: the schedule goes on from the resumed poll, one step later.
    WaitDecider late = new WaitDecider(c, LISTENER, RetryPolicy.defaults(), draws, () -> T0, Duration.ofSeconds(20),
        false, ATTEMPT);
    assertEquals(6_750 - 100, delayMillis(late.onSuccess(RUNNING, ms(100))));
  }

  @Test
  void anAnswerFarLateRestartsTheScheduleFromItAfterABoundedCatchUp() {
    WaitDecider s = wait(OPTIONS.toBuilder().backoffMultiplier(1).jitter(0).pollInterval(Duration.ofSeconds(1))
        .maxInterval(Duration.ofSeconds(1)).build());
    // Due at 0, answered an hour later (a suspended machine): not 3 600 steps of catching up.
    assertEquals(1_000, delayMillis(s.onSuccess(RUNNING, Duration.ofHours(1))));
    assertEquals(PollSchedule.MAX_CATCH_UP, draws.n);
    // And from there, anchored again.
    assertEquals(800, delayMillis(s.onSuccess(RUNNING, Duration.ofHours(1).plusMillis(1_200))));
  }
}
