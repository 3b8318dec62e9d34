// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.telemetry.WaitEvent;
import io.sfsturbo.jobs.telemetry.WaitListener;
import io.sfsturbo.jobs.telemetry.WaitOutcome;
import io.sfsturbo.jobs.testing.CannedAnswers;
import io.sfsturbo.jobs.testing.CannedAnswers.Answer;
import io.sfsturbo.jobs.testing.FakeTime;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.UnexpectedJobStatusException;
import io.sfsturbo.jobs.waiter.UnknownStatusPolicy;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitStep;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The waiter a client makes, on virtual time and a scripted transport: a fresh wait keeps its initial delay,
 * a resumed one its schedule and deadline, a single poll the checkpoint's time; and telemetry hears how each
 * wait ended. No test here sleeps.
 */
@Timeout(60)
class WaiterOnVirtualTimeTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final WaitOptions FIXED = WaitOptions.builder().pollInterval(Duration.ofSeconds(2))
      .backoffMultiplier(1).maxInterval(Duration.ofSeconds(2)).jitter(0).timeout(Duration.ofMinutes(1)).build();
  private static final JobProgressListener NONE = WaitOptions.defaults().listener();

  private final FakeTime time = FakeTime.automatic().at(T0);
  private final List<WaitEvent> ended = Collections.synchronizedList(new ArrayList<>());

  private SfsTurboJobsClient client(CannedAnswers answers) {
    Telemetry telemetry = new Telemetry() {
      @Override
      public WaitListener waitStarted(WaitEvent wait) {
        return new WaitListener() {
          @Override
          public void waitEnded(WaitEvent e) {
            ended.add(e);
          }
        };
      }
    };
    return answers.clientBuilder().telemetry(telemetry).build();
  }

  private CannedAnswers script(IntFunction<Answer> answers) {
    return new CannedAnswers(time, answers);
  }

  private static IntFunction<Answer> runningThen(int running, String last) {
    return n -> Answer.status(n < running ? "running" : last);
  }

  /** Telemetry hears a wait end just after its future completes, on the thread that completed it. */
  private WaitEvent awaitEnded() throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ended.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(1);
    }
    assertEquals(1, ended.size(), "one end heard");
    return ended.get(0);
  }

  private List<Long> requestMillis(CannedAnswers answers, long sinceNanos) {
    List<Long> out = new ArrayList<>();
    for (long n : answers.requestNanos()) {
      out.add(TimeUnit.NANOSECONDS.toMillis(n - sinceNanos));
    }
    return out;
  }

  @Test
  void aFreshWaitPollsAfterItsInitialDelayOnItsScheduleSyncOrAsync() throws Exception {
    for (boolean async : new boolean[] {false, true}) {
      CannedAnswers answers = script(runningThen(2, "success"));
      try (SfsTurboJobsClient c = client(answers)) {
        long start = time.nanoTime();
        WaitOptions options = FIXED.toBuilder().initialDelay(Duration.ofSeconds(3)).build();
        WaitResult r = async ? c.waiter().waitForAsync("job-1", options).get(30, TimeUnit.SECONDS)
            : c.waiter().waitFor("job-1", options);
        assertEquals("success", r.job().statusAsString());
        assertEquals(3, r.polls());
        assertEquals(Duration.ofSeconds(7), r.elapsed());
        assertEquals(List.of(3_000L, 5_000L, 7_000L), requestMillis(answers, start), async ? "async" : "sync");
      }
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ended.size() < 2 && System.nanoTime() < until) {
      Thread.sleep(1);
    }
    assertEquals(2, ended.size());
    assertEquals(WaitOutcome.SUCCESS, ended.get(0).outcome());
    assertNull(ended.get(0).errorType());
  }

  @Test
  void telemetryHearsHowEachWaitEnded() throws Exception {
    Object[][] cases = {
        {runningThen(0, "failed"), FIXED, WaitOutcome.JOB_FAILED, "JobFailedException"},
        {runningThen(9, "success"), FIXED.toBuilder().maxAttempts(2).build(), WaitOutcome.TIMEOUT,
            "WaitTimeoutException"},
        {runningThen(0, "paused"), FIXED.toBuilder().unknownStatusPolicy(UnknownStatusPolicy.FAIL_FAST).build(),
            WaitOutcome.ERROR, "UnexpectedJobStatusException"},
        // Its limit reached by throttled polls: a timeout, whose cause (the last 429) is not what ended it.
        {(IntFunction<Answer>) n -> Answer.throttled(null), FIXED.toBuilder().maxAttempts(2).build(),
            WaitOutcome.TIMEOUT, "WaitTimeoutException"},
    };
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      CannedAnswers answers = script((IntFunction<Answer>) c[0]);
      try (SfsTurboJobsClient client = client(answers)) {
        ended.clear();
        WaitOptions options = (WaitOptions) c[1];
        CompletableFuture<WaitResult> f = client.waiter().waitForAsync("job-1", o -> o.pollInterval(
            options.pollInterval()).backoffMultiplier(1).maxInterval(options.maxInterval()).jitter(0)
            .timeout(options.timeout()).maxAttempts(options.maxAttempts())
            .unknownStatusPolicy(options.unknownStatusPolicy()));
        assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        WaitEvent e = awaitEnded();
        assertEquals(c[2], e.outcome(), c[3].toString());
        assertEquals(c[3], e.errorType());
      }
    }
    // Cancelled by its caller, or ended by the client's close: both "cancelled".
    for (boolean close : new boolean[] {false, true}) {
      CannedAnswers answers = script(n -> Answer.holdUntilCancelled());
      SfsTurboJobsClient client = client(answers);
      ended.clear();
      CompletableFuture<WaitResult> f = client.waiter().waitForAsync("job-1", FIXED);
      assertTrue(answers.awaitHeld());
      if (close) {
        client.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        assertInstanceOf(ClientClosedException.class, e.getCause());
      } else {
        f.cancel(true);
        client.close();
      }
      assertTrue(answers.awaitCancelled(), "the poll in flight was cancelled");
      assertEquals(WaitOutcome.CANCELLED, awaitEnded().outcome(), close ? "closed" : "cancelled");
    }
  }

  @Test
  void aResumedWaitKeepsItsScheduleAndItsDeadlineAndCountsFromItsFirstStart() throws Exception {
    // Taken 20 s into the wait, 4 polls made, the next due 2 s later (at 22 s); resumed at 21 s.
    WaitCheckpoint c = WaitCheckpoint.builder().jobId("job-1").startedAt(T0).takenAt(T0.plusSeconds(20))
        .nextDelay(Duration.ofSeconds(2)).polls(4).scheduleStep(4).lastStatus("running").options(FIXED).build();
    for (boolean async : new boolean[] {false, true}) {
      FakeTime resumedAt = FakeTime.automatic().at(T0.plusSeconds(21));
      CannedAnswers answers = new CannedAnswers(resumedAt, runningThen(1, "success"));
      List<String> heard = new ArrayList<>();
      JobProgressListener listener = JobProgressListener.onStatusChange((job, from, to) -> heard.add(from + "->" + to));
      try (SfsTurboJobsClient client = answers.clientBuilder().build()) {
        long start = resumedAt.nanoTime();
        WaitResult r = async ? client.waiter().waitForAsync(c, listener).get(30, TimeUnit.SECONDS)
            : client.waiter().waitFor(c, listener);
        assertEquals(List.of(1_000L, 3_000L), requestMillis(answers, start), "at 22 s, then 24 s");
        assertEquals(6, r.polls());
        assertEquals(Duration.ofSeconds(24), r.elapsed());
        assertEquals(List.of("running->success"), heard, "the running status was known: not heard again");
      }
    }
    // Resumed after its deadline: a timeout at once, without a poll.
    FakeTime late = FakeTime.automatic().at(T0.plus(Duration.ofMinutes(2)));
    CannedAnswers none = new CannedAnswers(late, n -> Answer.status("success"));
    try (SfsTurboJobsClient client = none.clientBuilder().build()) {
      WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> client.waiter().waitFor(c, NONE));
      assertEquals(4, e.polls());
      assertEquals(0, none.requests());
      assertThrows(NullPointerException.class, () -> client.waiter().waitFor(c, null));
      assertThrows(NullPointerException.class, () -> client.waiter().waitFor((WaitCheckpoint) null, NONE));
      assertThrows(IllegalArgumentException.class, () -> client.waiter().waitFor("no/such id", FIXED));
      assertThrows(NullPointerException.class, () -> client.waiter().waitFor("job-1", (WaitOptions) null));
    }
    // Resumed by a clock behind the one that started it: the time before is none, not negative.
    FakeTime behind = FakeTime.automatic().at(T0.minusSeconds(30));
    CannedAnswers once = new CannedAnswers(behind, n -> Answer.status("success"));
    try (SfsTurboJobsClient client = once.clientBuilder().build()) {
      WaitResult r = client.waiter().waitFor(WaitCheckpoint.start("job-1", FIXED, T0), NONE);
      assertFalse(r.elapsed().isNegative(), r.elapsed().toString());
      assertEquals(1, once.requests());
    }
  }

  @Test
  void aSinglePollRunsOnTheCheckpointsTimeAndSaysWhatComesNext() {
    // This machine's clock is a day off: the poll counts as made at the checkpoint's next poll all the same.
    FakeTime elsewhere = FakeTime.automatic().at(T0.plus(Duration.ofDays(1)));
    CannedAnswers answers = new CannedAnswers(elsewhere, runningThen(1, "success"));
    try (SfsTurboJobsClient client = answers.clientBuilder().build()) {
      WaitCheckpoint start = WaitCheckpoint.start("job-1", FIXED.toBuilder().initialDelay(Duration.ofSeconds(5))
          .build(), T0);
      WaitStep first = client.waiter().pollOnce(start, NONE);
      assertFalse(first.isDone());
      WaitCheckpoint next = first.checkpoint();
      assertNotNull(next);
      assertEquals(T0.plusSeconds(5), next.takenAt(), "made at the checkpoint's time");
      assertEquals(T0.plusSeconds(7), next.nextPollAt());
      assertEquals(1, next.polls());
      assertEquals("running", next.lastStatus());
      WaitStep second = client.waiter().pollOnce(next, NONE);
      assertTrue(second.isDone());
      assertEquals(2, second.result().polls());
      assertEquals(Duration.ofSeconds(7), second.result().elapsed());
      assertEquals(2, answers.requests(), "a single poll makes one request at once, whatever the schedule says");
      assertThrows(NullPointerException.class, () -> client.waiter().pollOnce(null, NONE));
    }
    try (SfsTurboJobsClient failing = new CannedAnswers(elsewhere, n -> Answer.status("failed")).clientBuilder()
        .build()) {
      assertThrows(JobFailedException.class, () -> failing.waiter().pollOnce(WaitCheckpoint.start("job-1", FIXED, T0),
          NONE));
    }
  }

  @Test
  void aWaiterWithItsOwnTimeSourceIsTimedByIt() throws Exception {
    FakeTime own = FakeTime.automatic().at(T0);
    CannedAnswers answers = script(runningThen(1, "success"));
    try (SfsTurboJobsClient client = client(answers)) {
      JobWaiter waiter = client.waiterBuilder().timeSource(own).build();
      long clientStart = time.nanoTime();
      long ownStart = own.nanoTime();
      WaitResult r = waiter.waitFor("job-1", FIXED);
      assertEquals(2, r.polls());
      assertEquals(List.of(0L, 0L), requestMillis(answers, clientStart), "the client's clock did not move");
      assertEquals(2_000, own.millisSince(ownStart), "the waiter's did");
      assertThrows(NullPointerException.class, () -> client.waiterBuilder().timeSource(null));
      JobDetail last = r.job();
      assertEquals("job-1", last.jobId());
    }
    try (SfsTurboJobsClient paused = new CannedAnswers(own, n -> Answer.status("paused")).clientBuilder().build()) {
      assertThrows(UnexpectedJobStatusException.class, () -> paused.waiterBuilder().timeSource(own).build()
          .waitFor("job-1", o -> o.unknownStatusPolicy(UnknownStatusPolicy.FAIL_FAST)));
    }
  }
}
