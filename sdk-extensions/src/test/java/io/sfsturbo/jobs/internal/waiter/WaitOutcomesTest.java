// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.BadRequestException;
import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.internal.engine.Decision;
import io.sfsturbo.jobs.internal.engine.Decisions;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.retry.Backoff;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.UnexpectedJobStatusException;
import io.sfsturbo.jobs.waiter.UnknownStatusPolicy;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitInterruptedException;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How each poll's outcome ends a wait or goes on, decided on given times (no clock): final statuses, the
 * unknown-status policy, the attempt limit, the not-found grace period, tolerated failures in a row, the
 * checkpoint handed to the listener, and a single poll's clamp to the deadline.
 */
class WaitOutcomesTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final Duration ATTEMPT = Duration.ofSeconds(20);
  /** 1 s, 2 s, 4 s ... capped at 8 s, no jitter; 30 min timeout, 3 s grace. */
  private static final WaitOptions OPTIONS = WaitOptions.builder().pollInterval(Duration.ofSeconds(1))
      .backoffMultiplier(2).maxInterval(Duration.ofSeconds(8)).jitter(0).timeout(Duration.ofMinutes(30))
      .notFoundGracePeriod(Duration.ofSeconds(3)).maxConsecutiveTransientErrors(3).build();
  /** Retries 100 ms, 200 ms ... without jitter. */
  private static final RetryPolicy RETRY = RetryPolicy.builder().backoff(Backoff.of(Duration.ofMillis(100), 2,
      Duration.ofSeconds(1), 0)).maxRetryAfter(Duration.ofSeconds(60)).build();

  private Instant now = T0;

  /** Records what the listener hears. */
  private static final class Heard implements JobProgressListener {
    final List<String> events = new ArrayList<>();
    final List<WaitCheckpoint> checkpoints = new ArrayList<>();

    @Override
    public void onJobStatusChanged(JobDetail job, JobStatus previous, JobStatus current) {
      events.add(previous + "->" + current);
    }

    @Override
    public void onJobNotFoundYet(String jobId, Duration gracePeriod) {
      events.add("not found yet " + jobId + " " + gracePeriod);
    }

    @Override
    public void onCheckpoint(WaitCheckpoint checkpoint) {
      checkpoints.add(checkpoint);
    }
  }

  private WaitDecider wait(WaitOptions options, JobProgressListener listener) {
    return new WaitDecider(WaitCheckpoint.start("j", options, T0), listener, RETRY, () -> 0.0, () -> now,
        Duration.ZERO, false, ATTEMPT);
  }

  private static JobDetail job(String status) {
    return JobDetail.builder().jobId("j").status(status).requestId("r").build();
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static ErrorDetails details(int status, String code) {
    return new ErrorDetails("ShowJobDetail of job 'j'", status, code, null, null, "");
  }

  private static ResourceNotFoundException notFound() {
    return new ResourceNotFoundException(details(404, "SFS.TURBO.0019"));
  }

  @Test
  void aFinalStatusEndsTheWaitAndAnUnknownOneOnlyUnderFailFast() {
    Object[][] cases = {
        // status, policy, expected outcome: a WaitResult, an exception type, or null for another poll
        {"success", UnknownStatusPolicy.KEEP_POLLING, WaitResult.class},
        {"SUCCESS ", UnknownStatusPolicy.KEEP_POLLING, WaitResult.class},
        {"failed", UnknownStatusPolicy.KEEP_POLLING, JobFailedException.class},
        {"failed", UnknownStatusPolicy.FAIL_FAST, JobFailedException.class},
        {"running", UnknownStatusPolicy.FAIL_FAST, null},
        {"waiting", UnknownStatusPolicy.FAIL_FAST, null},
        {"paused", UnknownStatusPolicy.KEEP_POLLING, null},
        {"paused", UnknownStatusPolicy.FAIL_FAST, UnexpectedJobStatusException.class},
    };
    for (Object[] c : cases) {
      WaitDecider w = wait(OPTIONS.toBuilder().unknownStatusPolicy((UnknownStatusPolicy) c[1]).build(),
          new Heard());
      Decision<WaitResult> d = w.onSuccess(job((String) c[0]), ms(1_500));
      String name = c[0] + " under " + c[1];
      if (c[2] == null) {
        assertNotNull(d.delay(), name);
      } else if (c[2] == WaitResult.class) {
        assertNull(d.delay(), name);
        assertEquals(new WaitResult(job((String) c[0]), 1, ms(1_500)), result(d), name);
      } else {
        SfsTurboException e = failure(d);
        assertSame(c[2], e.getClass(), name);
      }
    }
  }

  private static WaitResult result(Decision<WaitResult> d) {
    return Decisions.value(d);
  }

  private static SfsTurboException failure(Decision<WaitResult> d) {
    return Decisions.failure(d);
  }

  @Test
  void theAttemptLimitEndsTheWaitAtItsLastPollWhateverThePollGave() {
    WaitOptions two = OPTIONS.toBuilder().maxAttempts(2).build();
    WaitDecider running = wait(two, new Heard());
    assertNotNull(running.onSuccess(job("running"), ms(0)).delay(), "one of two");
    WaitTimeoutException limit = assertInstanceOf(WaitTimeoutException.class,
        failure(running.onSuccess(job("running"), ms(1_000))));
    assertEquals("gave up waiting for job 'j' at its limit of 2 polls after 2 polls in 1s; last status running; the "
        + "job may still be running", limit.getMessage());
    assertEquals(2, limit.polls());
    assertEquals(ms(1_000), limit.elapsed());
    assertEquals("running", limit.lastJob().statusAsString());

    WaitDecider failing = wait(two, new Heard());
    TransportException reset = new TransportException("reset", null);
    assertNotNull(failing.onFailure(reset, ms(0)).delay());
    WaitTimeoutException afterFailure = assertInstanceOf(WaitTimeoutException.class,
        failure(failing.onFailure(reset, ms(100))));
    assertSame(reset, afterFailure.getCause());
    assertTrue(afterFailure.getMessage().contains("last status unknown (no successful poll); last failure: reset"),
        afterFailure.getMessage());

    WaitDecider unseen = wait(two, new Heard());
    assertNotNull(unseen.onFailure(notFound(), ms(0)).delay());
    assertInstanceOf(WaitTimeoutException.class, failure(unseen.onFailure(notFound(), ms(1_000))),
        "the limit holds in the grace period too");

    WaitDecider unlimited = wait(OPTIONS, new Heard());
    for (int i = 0; i < 50; i++) {
      assertNotNull(unlimited.onSuccess(job("running"), ms(i * 1_000L)).delay(), "no limit by default");
    }
  }

  @Test
  void aJobNotFoundYetIsPolledUntilTheGracePeriodEndsExactlyAndHeardOnce() {
    Heard heard = new Heard();
    WaitDecider w = wait(OPTIONS, heard);
    // Due at 0, then 1 s, 3 s: the poll due at 3 s is the grace period's end.
    assertEquals(ms(1_000), w.onFailure(notFound(), ms(0)).delay());
    assertEquals(ms(2_000), w.onFailure(notFound(), ms(1_000)).delay());
    // A late answer at 2.5 s: the next step (due at 7 s) would pass the grace period's end, so it is cut to it.
    assertEquals(ms(500), w.onFailure(notFound(), ms(2_500)).delay());
    assertEquals(List.of("not found yet j PT3S"), heard.events, "heard once");
    // At the end of the grace period, a 404 is the job's absence.
    ResourceNotFoundException last = notFound();
    assertSame(last, failure(w.onFailure(last, ms(3_000))));

    WaitDecider seen = wait(OPTIONS, new Heard());
    assertNotNull(seen.onSuccess(job("running"), ms(0)).delay());
    ResourceNotFoundException gone = notFound();
    assertSame(gone, failure(seen.onFailure(gone, ms(1_000))), "a job seen once and then not found is gone");

    WaitDecider other = wait(OPTIONS, new Heard());
    ResourceNotFoundException otherCode = new ResourceNotFoundException(details(404, "SFS.TURBO.0001"));
    assertSame(otherCode, failure(other.onFailure(otherCode, ms(0))), "only the job's own not-found code");

    WaitDecider graceEndsBeforeTheNextStep = wait(OPTIONS.toBuilder().notFoundGracePeriod(ms(1_000)).build(),
        new Heard());
    assertEquals(ms(1_000), graceEndsBeforeTheNextStep.onFailure(notFound(), ms(0)).delay(),
        "the next step ending exactly at the grace period's end is kept");
    WaitDecider shortGrace = wait(OPTIONS.toBuilder().notFoundGracePeriod(ms(600)).build(), new Heard());
    assertEquals(ms(400), shortGrace.onFailure(notFound(), ms(200)).delay(), "cut to the grace period's end");
  }

  @Test
  void toleratedFailuresAreRetriedUpToTheirLimitInARowAndOthersEndTheWait() {
    Object[][] cases = {
        {new TransportException("reset", null), true},
        {new ServerException(details(503, null)), true},
        {new ThrottledException(details(429, null), null), true},
        {new ResponseDecodingException("garbled", 200, null, "", null), true},
        {new BadRequestException(details(400, null)), false},
        {new TransportException("plain http", null, false), false},
    };
    for (Object[] c : cases) {
      SfsTurboException e = (SfsTurboException) c[0];
      WaitDecider w = wait(OPTIONS, new Heard());
      if (!(Boolean) c[1]) {
        assertSame(e, failure(w.onFailure(e, ms(0))), e.getMessage());
        continue;
      }
      assertEquals(ms(100), w.onFailure(e, ms(0)).delay(), e.getMessage());
      assertEquals(ms(200), w.onFailure(e, ms(100)).delay(), e.getMessage());
      assertSame(e, failure(w.onFailure(e, ms(300))), "the third in a row ends it: " + e.getMessage());
    }
    WaitDecider w = wait(OPTIONS, new Heard());
    TransportException reset = new TransportException("reset", null);
    w.onFailure(reset, ms(0));
    w.onFailure(reset, ms(100));
    assertNotNull(w.onSuccess(job("running"), ms(300)).delay());
    assertEquals(ms(100), w.onFailure(reset, ms(1_000)).delay(), "a success starts the count again");
    assertEquals(ms(200), w.onFailure(reset, ms(1_100)).delay());
  }

  @Test
  void eachPollThatLeavesTheJobRunningHandsTheListenerACheckpointToResumeFrom() {
    Heard heard = new Heard();
    WaitDecider w = wait(OPTIONS, heard);
    now = T0.plusMillis(300);
    assertEquals(ms(700), w.onSuccess(job("running"), ms(300)).delay());
    now = T0.plusMillis(1_100);
    assertEquals(ms(100), w.onFailure(new TransportException("reset", null), ms(1_100)).delay());
    assertEquals(2, heard.checkpoints.size());
    WaitCheckpoint first = heard.checkpoints.get(0);
    assertEquals(T0.plusMillis(300), first.takenAt());
    assertEquals(ms(700), first.nextDelay());
    assertEquals(1, first.polls());
    assertEquals(1, first.scheduleStep());
    assertEquals(0, first.consecutiveFailures());
    assertEquals("running", first.lastStatus());
    assertEquals(T0, first.startedAt());
    assertEquals(OPTIONS, first.options());
    WaitCheckpoint second = heard.checkpoints.get(1);
    assertEquals(2, second.polls());
    assertEquals(1, second.consecutiveFailures());
    assertEquals(T0.plusMillis(1_200), second.nextPollAt());
    assertSame(second, w.checkpoint());
    assertEquals(List.of("null->running"), heard.events);

    WaitDecider quiet = wait(OPTIONS, OPTIONS.listener());
    assertNotNull(quiet.onSuccess(job("running"), ms(0)).delay());
    assertNull(quiet.checkpoint(), "no listener: no checkpoint is taken");
  }

  @Test
  void theDeadlineNamesTheTimeoutAndARefusedRetryAfterAndAnInterruptionNamesTheJob() {
    WaitDecider w = wait(OPTIONS, new Heard());
    w.onSuccess(job("running"), ms(0));
    ThrottledException throttled = new ThrottledException(details(429, null), Duration.ofSeconds(30));
    Decision<WaitResult> refused = w.onFailure(throttled, ms(1_000));
    WaitTimeoutException e = assertInstanceOf(WaitTimeoutException.class,
        w.onExpired(throttled, refused, Duration.ofMinutes(30)));
    assertEquals("gave up waiting for job 'j' at its 30m 00s deadline (the server asked to wait 30s (Retry-After) "
        + "before the next poll) after 2 polls in 30m 00s; last status running; last failure: "
        + throttled.getMessage() + "; the job may still be running", e.getMessage());
    assertEquals("j", e.jobId());
    WaitTimeoutException plain = assertInstanceOf(WaitTimeoutException.class,
        w.onExpired(null, Decision.again(Duration.ofSeconds(1)), Duration.ofMinutes(30)));
    assertTrue(plain.getMessage().startsWith("gave up waiting for job 'j' at its 30m 00s deadline after 2 polls"),
        plain.getMessage());
    SfsTurboException interrupted = w.onInterrupted(new InterruptedException());
    assertInstanceOf(WaitInterruptedException.class, interrupted);
    assertEquals("interrupted while waiting for job 'j'", interrupted.getMessage());
  }

  @Test
  void aResumedWaitCountsItsTimeAndPollsFromItsFirstStart() {
    WaitCheckpoint c = WaitCheckpoint.builder().jobId("j").startedAt(T0).takenAt(T0.plusSeconds(60))
        .nextDelay(Duration.ofSeconds(4)).polls(7).scheduleStep(3).lastStatus("running").options(OPTIONS).build();
    WaitDecider w = new WaitDecider(c, new Heard(), RETRY, () -> 0.0, () -> now, Duration.ofSeconds(62), false,
        ATTEMPT);
    Decision<WaitResult> d = w.onSuccess(job("success"), Duration.ofSeconds(2));
    assertEquals(new WaitResult(job("success"), 8, Duration.ofSeconds(64)), result(d));
  }

  @Test
  void aSinglePollEndsAfterOnePollWithACheckpointClampedToTheLastStart() {
    Heard heard = new Heard();
    // Timeout 30 min, attempt 20 s: the last poll may start a second before the deadline.
    Instant lastStart = T0.plus(Duration.ofMinutes(30)).minusSeconds(1);
    Object[][] cases = {
        // when the poll is made, the delay after it (null: the wait times out)
        {T0, ms(1_000)},
        {lastStart.minusMillis(1_000), ms(1_000)},
        {lastStart.minusMillis(400), ms(400)},
        {lastStart, null},
        {lastStart.plusMillis(1), null},
    };
    for (Object[] c : cases) {
      Instant at = (Instant) c[0];
      WaitDecider single = new WaitDecider(WaitCheckpoint.start("j", OPTIONS, T0), heard, RETRY, () -> 0.0,
          () -> at, Duration.between(T0, at), true, ATTEMPT);
      Decision<WaitResult> d = single.onSuccess(job("running"), Duration.ZERO);
      if (c[1] == null) {
        WaitTimeoutException e = assertInstanceOf(WaitTimeoutException.class, failure(d), at.toString());
        assertEquals(Duration.between(T0, at), e.elapsed(), "the time since the wait started, counted once");
        continue;
      }
      assertNull(d.delay(), "the single poll ends the loop: " + at);
      assertNull(result(d));
      assertEquals(c[1], single.checkpoint().nextDelay(), at.toString());
      assertEquals(at, single.checkpoint().takenAt());
    }
    // A Retry-After that would pass the last start ends the wait, naming it.
    Instant late = lastStart.minusSeconds(10);
    WaitDecider single = new WaitDecider(WaitCheckpoint.start("j", OPTIONS, T0), heard, RETRY, () -> 0.0,
        () -> late, Duration.between(T0, late), true, ATTEMPT);
    ThrottledException throttled = new ThrottledException(details(429, null), Duration.ofSeconds(11));
    WaitTimeoutException e = assertInstanceOf(WaitTimeoutException.class,
        failure(single.onFailure(throttled, Duration.ZERO)));
    assertTrue(e.getMessage().contains("(the server asked to wait 11s (Retry-After) before the next poll)"),
        e.getMessage());
    ThrottledException fits = new ThrottledException(details(429, null), Duration.ofSeconds(10));
    WaitDecider again = new WaitDecider(WaitCheckpoint.start("j", OPTIONS, T0), heard, RETRY, () -> 0.0,
        () -> late, Duration.between(T0, late), true, ATTEMPT);
    assertNull(again.onFailure(fits, Duration.ZERO).delay());
    assertEquals(Duration.ofSeconds(10), again.checkpoint().nextDelay(), "a Retry-After ending at the last start");
    assertFalse(heard.checkpoints.isEmpty());
  }

  @Test
  void aNotFoundAnswerIsAReadOfTheJobForTheHeldPollRule() {
    WaitDecider w = wait(OPTIONS, new Heard());
    // Read (404) at 50 ms: the poll due at 1 s may be held up to a quarter of the 950 ms since.
    assertEquals(ms(950), w.onFailure(notFound(), ms(50)).delay());
    assertNull(w.onHeld(ms(237).toNanos(), ms(1_000)));
    assertEquals(ms(2_000), w.onHeld(ms(238).toNanos(), ms(1_000)).delay(), "skipped for the poll due at 3 s");
  }
}
