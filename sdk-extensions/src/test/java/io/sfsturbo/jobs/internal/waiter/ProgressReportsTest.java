// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.retry.Backoff;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.UnexpectedJobStatusException;
import io.sfsturbo.jobs.waiter.UnknownStatusPolicy;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the listener hears (each change once, never a repeat, across a resume too), what counts as a final
 * answer, and when a poll is due or skipped.
 */
class ProgressReportsTest {
  private static final WaitCheckpoint FRESH = WaitCheckpoint.start("j", WaitOptions.defaults(),
      Instant.parse("2026-11-29T10:00:00Z"));

  /** Hears everything, as text; throws after hearing when told to. */
  private static final class Heard implements JobProgressListener {
    final List<String> events = new ArrayList<>();
    boolean throwing;

    private void add(String e) {
      events.add(e);
      if (throwing) {
        throw new IllegalStateException("a listener bug");
      }
    }

    @Override
    public void onJobStatusChanged(JobDetail job, JobStatus previous, JobStatus current) {
      add("job " + previous + "->" + current + " (" + job.statusAsString() + ")");
    }

    @Override
    public void onSubJobStatusChanged(JobDetail job, SubJobDetail subJob, JobStatus previous, JobStatus current) {
      add("sub " + subJob.jobId() + " " + previous + "->" + current);
    }

    @Override
    public void onUnknownStatus(JobDetail job) {
      add("unknown " + job.statusAsString());
    }

    @Override
    public void onJobNotFoundYet(String jobId, Duration gracePeriod) {
      add("not found " + jobId);
    }

    @Override
    public void onCheckpoint(WaitCheckpoint checkpoint) {
      add("checkpoint");
    }
  }

  private static JobDetail job(String status, SubJobDetail... subs) {
    return JobDetail.builder().jobId("j").status(status).subJobs(Arrays.asList(subs)).build();
  }

  private static SubJobDetail sub(String id, String status) {
    return SubJobDetail.builder().jobId(id).status(status).build();
  }

  @Test
  void eachChangeOfTheJobsStatusIsHeardOnceAndUnknownStatusesAreComparedAsText() {
    Heard heard = new Heard();
    ProgressReporter p = new ProgressReporter("j", heard, FRESH);
    assertFalse(p.hasSeenJob());
    String[] statuses = {"waiting", "waiting", "running", "RUNNING", "paused", "paused", "cancelled", "paused",
        "success"};
    boolean[] changed = {true, false, true, false, true, false, true, true, true};
    for (int i = 0; i < statuses.length; i++) {
      assertEquals(changed[i], p.polled(job(statuses[i])), statuses[i] + " at " + i);
      assertEquals(statuses[i], p.lastStatusText());
    }
    assertTrue(p.hasSeenJob());
    assertEquals(List.of("job null->waiting (waiting)", "job waiting->running (running)",
        "job running->UNKNOWN_TO_SDK_VERSION (paused)", "unknown paused",
        "job UNKNOWN_TO_SDK_VERSION->UNKNOWN_TO_SDK_VERSION (cancelled)", "unknown cancelled",
        "job UNKNOWN_TO_SDK_VERSION->UNKNOWN_TO_SDK_VERSION (paused)",
        "job UNKNOWN_TO_SDK_VERSION->success (success)"), heard.events, "each unknown value is announced once");
  }

  @Test
  void aResumedWaitReportsOnlyWhatChangesAfterItsCheckpoint() {
    Map<String, String> subs = new LinkedHashMap<>();
    subs.put("a", "running");
    subs.put("b", "paused");
    WaitCheckpoint from = WaitCheckpoint.builder().jobId("j").startedAt(FRESH.startedAt()).lastStatus("paused")
        .notFoundReported(true).subJobStatuses(subs).build();
    Heard heard = new Heard();
    ProgressReporter p = new ProgressReporter("j", heard, from);
    assertTrue(p.hasSeenJob());
    assertTrue(p.notFoundReported());
    assertFalse(p.polled(job("paused", sub("a", "running"), sub("b", "paused"))));
    p.notFoundYet(Duration.ofSeconds(30));
    assertEquals(List.of(), heard.events, "nothing new: no status, no unknown status, no sub-job, no not-found");
    assertTrue(p.polled(job("running", sub("a", "success"), sub("b", "paused"))));
    assertEquals(List.of("job UNKNOWN_TO_SDK_VERSION->running (running)", "sub a running->success"), heard.events);

    ProgressReporter known = new ProgressReporter("j", new Heard(), WaitCheckpoint.builder().jobId("j")
        .startedAt(FRESH.startedAt()).lastStatus("running").build());
    assertFalse(known.polled(job("running")), "the checkpoint's known status is the one compared with");
  }

  @Test
  void subJobsAreHeardAsTheyAppearAndChangeAndOnlyTheLatestAnswersAreRemembered() {
    Heard heard = new Heard();
    ProgressReporter p = new ProgressReporter("j", heard, FRESH);
    assertTrue(p.subJobStatuses().isEmpty());
    p.polled(job("running", sub("a", "waiting")));
    p.polled(job("running", sub("a", "waiting"), sub("b", "running")));
    p.polled(job("running", sub("a", "running"), sub("b", "running")));
    p.polled(job("running", sub("a", "paused"), sub("b", "paused")));
    p.polled(job("running", sub("a", "halted"), sub("b", "paused")));
    assertEquals(List.of("job null->running (running)", "sub a null->waiting", "sub b null->running",
        "sub a waiting->running", "sub a running->UNKNOWN_TO_SDK_VERSION", "sub b running->UNKNOWN_TO_SDK_VERSION",
        "sub a UNKNOWN_TO_SDK_VERSION->UNKNOWN_TO_SDK_VERSION"), heard.events);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("a", "halted");
    expected.put("b", "paused");
    assertEquals(expected, p.subJobStatuses());

    // An answer with fewer sub-jobs: the dropped ones are forgotten, and heard as new should they return.
    heard.events.clear();
    p.polled(job("running", sub("b", "paused")));
    assertEquals(Map.of("b", "paused"), p.subJobStatuses());
    assertEquals(List.of(), heard.events, "the sub-job kept is not heard again");
    p.polled(job("running", sub("b", "paused"), sub("a", "halted")));
    assertEquals(List.of("sub a null->UNKNOWN_TO_SDK_VERSION"), heard.events);
    // As many sub-jobs as remembered, other ids: kept, not pruned, until an answer has fewer.
    p.polled(job("running", sub("c", "running"), sub("d", "running")));
    assertEquals(4, p.subJobStatuses().size());

    // Sub-jobs without an id are told apart by their place.
    Heard anonymous = new Heard();
    ProgressReporter q = new ProgressReporter("j", anonymous, FRESH);
    q.polled(job("running", sub(null, "running"), sub(null, "waiting")));
    q.polled(job("running", sub(null, "running"), sub(null, "running")));
    assertEquals(List.of("job null->running (running)", "sub null null->running", "sub null null->waiting",
        "sub null waiting->running"), anonymous.events);
    assertEquals(List.of("#0", "#1"), new ArrayList<>(q.subJobStatuses().keySet()));
  }

  @Test
  void aListenerThatThrowsIsHeardOutAndTheWaitGoesOn() {
    Heard heard = new Heard();
    heard.throwing = true;
    ProgressReporter p = new ProgressReporter("j", heard, FRESH);
    assertTrue(p.polled(job("paused", sub("a", "running"))));
    p.notFoundYet(Duration.ofSeconds(1));
    p.notFoundYet(Duration.ofSeconds(1));
    p.checkpoint(FRESH);
    assertEquals(List.of("job null->UNKNOWN_TO_SDK_VERSION (paused)", "unknown paused", "sub a null->running",
        "not found j", "checkpoint"), heard.events, "every call made despite the throws; not-found once");
    assertTrue(p.notFoundReported());
    assertTrue(p.wantsCheckpoints());
    assertFalse(new ProgressReporter("j", WaitOptions.defaults().listener(), FRESH).wantsCheckpoints());
  }

  private static ErrorDetails details(int status, String code) {
    return new ErrorDetails("op", status, code, null, null, "");
  }

  @Test
  void theAcceptorsSayWhichAnswersEndAWaitAndWhichFailuresAreTolerated() {
    Object[][] judged = {
        {"success", UnknownStatusPolicy.KEEP_POLLING, WaitAcceptors.Verdict.SUCCESS},
        {"failed", UnknownStatusPolicy.KEEP_POLLING, WaitAcceptors.Verdict.FAILURE},
        {"running", UnknownStatusPolicy.FAIL_FAST, WaitAcceptors.Verdict.KEEP_POLLING},
        {"waiting", UnknownStatusPolicy.KEEP_POLLING, WaitAcceptors.Verdict.KEEP_POLLING},
        {"paused", UnknownStatusPolicy.KEEP_POLLING, WaitAcceptors.Verdict.KEEP_POLLING},
        {"paused", UnknownStatusPolicy.FAIL_FAST, WaitAcceptors.Verdict.FAILURE},
        {null, UnknownStatusPolicy.FAIL_FAST, WaitAcceptors.Verdict.KEEP_POLLING},
    };
    for (Object[] c : judged) {
      JobDetail job = JobDetail.builder().jobId("j").status((String) c[0]).build();
      assertEquals(c[2], WaitAcceptors.judge(job, (UnknownStatusPolicy) c[1]), c[0] + " under " + c[1]);
    }
    assertTrue(WaitAcceptors.failureOf(job("paused")) instanceof UnexpectedJobStatusException);
    assertTrue(WaitAcceptors.failureOf(job("failed")) instanceof JobFailedException);

    ResourceNotFoundException notFound = new ResourceNotFoundException(details(404, "SFS.TURBO.0019"));
    Duration grace = Duration.ofSeconds(30);
    assertTrue(WaitAcceptors.isNotYetVisible(notFound, false, grace.minusNanos(1), grace));
    assertFalse(WaitAcceptors.isNotYetVisible(notFound, false, grace, grace), "the grace period is over at its end");
    assertFalse(WaitAcceptors.isNotYetVisible(notFound, true, Duration.ZERO, grace), "seen before");
    assertFalse(WaitAcceptors.isNotYetVisible(new ResourceNotFoundException(details(404, null)), false,
        Duration.ZERO, grace), "no code");
    assertFalse(WaitAcceptors.isNotYetVisible(new ServerException(details(500, "SFS.TURBO.0019")), false,
        Duration.ZERO, grace), "not a 404");

    assertTrue(WaitAcceptors.isTolerated(new TransportException("reset", null)));
    assertTrue(WaitAcceptors.isTolerated(new ServerException(details(502, null))));
    assertTrue(WaitAcceptors.isTolerated(new ResponseDecodingException("x", 200, null, null, null)));
    assertFalse(WaitAcceptors.isTolerated(notFound));
    assertFalse(WaitAcceptors.isTolerated(new ServerException(details(501, null))));
  }

  @Test
  void aPollIsSkippedOnlyForAHoldLongerThanAQuarterOfTheTimeSinceTheJobWasRead() {
    PollSchedule s = new PollSchedule(Backoff.of(Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 0), () -> 0.0, 0,
        0, 0);
    long second = 1_000_000_000L;
    assertFalse(s.skips(second, 4 * second), "a quarter exactly: waited for");
    assertTrue(s.skips(second + 1, 4 * second));
    s.read(2 * second);
    assertTrue(s.skips(second, 4 * second), "read 2 s ago: half a second is the most");
    assertFalse(s.skips(second / 2, 4 * second));

    // Due at 0, answered at 0.4 s: the step due at 1 s has more than half its length left: kept.
    assertEquals(Duration.ofMillis(600), s.next(400_000_000L));
    assertEquals(1, s.step());
    // Due at 1 s, answered at 1.5 s: the step due at 2 s has just half its length left: kept.
    assertEquals(Duration.ofMillis(500), s.next(1_500_000_000L));
    // Due at 2 s, answered at 2.6 s: the step due at 3 s has less than half left: the one at 4 s.
    assertEquals(Duration.ofMillis(1_400), s.next(2_600_000_000L));
    assertEquals(4, s.step());
    assertEquals(Duration.ofMillis(300), s.dueAt(2_700_000_000L, 3_000_000_000L));
    assertEquals(Duration.ZERO, s.dueAt(3_100_000_000L, 3_000_000_000L), "never negative");
    assertEquals(Duration.ofMillis(1_000), s.next(3_000_000_000L), "from the shortened step");

    // Steps of zero length (a jitter drawing the whole delay) cannot catch up: the schedule restarts now.
    PollSchedule zero = new PollSchedule(Backoff.of(Duration.ofMillis(1), 1, Duration.ofMillis(1), 1.0), () -> 1.0, 0,
        0, 0);
    assertEquals(Duration.ZERO, zero.next(5 * second));
    assertEquals(1, zero.step(), "one step taken, not a loop");
  }

  @Test
  void aDelayTheCatchUpCannotReachRestartsTheScheduleFromTheAnswer() {
    PollSchedule s = new PollSchedule(Backoff.of(Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 0), () -> 0.0, 0,
        0, 0);
    // 64 steps reach 64 s: an answer at 64.4 s finds the 64th step due 0.4 s before it... restarted from now.
    assertEquals(Duration.ofSeconds(1), s.next(64_400_000_000L));
    assertEquals(PollSchedule.MAX_CATCH_UP, s.step());
    PollSchedule t = new PollSchedule(Backoff.of(Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 0), () -> 0.0, 0,
        0, 0);
    // An answer at 63.4 s: the 64th step, due at 64 s, still has more than half of its length: taken.
    assertEquals(Duration.ofMillis(600), t.next(63_400_000_000L));
    assertEquals(PollSchedule.MAX_CATCH_UP, t.step());
  }
}
