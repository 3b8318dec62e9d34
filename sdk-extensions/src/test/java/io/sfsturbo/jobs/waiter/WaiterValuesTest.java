// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The waiter's values and exceptions as a caller sees them: what each message says (server text escaped),
 * and that every field takes part in equality, so that a checkpoint or a result can be compared and stored.
 */
class WaiterValuesTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  private static SubJobDetail failedSub(int i) {
    return SubJobDetail.builder().jobId("s" + i).jobType("mount").status("failed").errorCode("E" + i)
        .failReason("r" + i).build();
  }

  @Test
  void aFailedJobsMessageNamesItsErrorItsReasonAndAtMostFiveFailedSubJobs() {
    List<SubJobDetail> subs = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      subs.add(failedSub(i));
    }
    subs.add(SubJobDetail.builder().jobId("ok").status("success").build());
    JobDetail six = JobDetail.builder().jobId("j").jobType("expand").status("failed").errorCode("SFS.TURBO.0100")
        .failReason("no\nspace").subJobs(subs).requestId("req-1").build();
    JobFailedException e = new JobFailedException(six);
    assertEquals("job 'j' (expand) failed with SFS.TURBO.0100: no\\u000aspace; failed sub-jobs: s1 (mount, E1: r1) "
        + "s2 (mount, E2: r2) s3 (mount, E3: r3) s4 (mount, E4: r4) s5 (mount, E5: r5) and 1 more [request id req-1]",
        e.getMessage());
    assertEquals("j", e.jobId());
    assertEquals("expand", e.jobType());
    assertEquals("SFS.TURBO.0100", e.errorCode());
    assertEquals("no\nspace", e.failReason(), "the accessor keeps the server's text as it is");
    assertEquals(6, e.failedSubJobs().size());
    assertSame(six, e.job());

    JobDetail five = six.toBuilder().subJobs(subs.subList(0, 5)).build();
    assertTrue(new JobFailedException(five).getMessage().endsWith("s5 (mount, E5: r5) [request id req-1]"));
    JobDetail bare = JobDetail.builder().jobId("j").jobType("expand").status("failed").build();
    assertEquals("job 'j' (expand) failed [request id null]", new JobFailedException(bare).getMessage());
  }

  @Test
  void theOtherEndingsSayWhatEndedTheWait() {
    JobDetail paused = JobDetail.builder().jobId("j").status("paused\u001b").requestId("r").build();
    UnexpectedJobStatusException u = new UnexpectedJobStatusException(paused);
    assertEquals("job 'j' reported the undocumented status 'paused\\u001b' [request id r]", u.getMessage());
    assertSame(paused, u.job());

    WaitTimeoutException one = new WaitTimeoutException("j", "at its 1m 00s deadline", null, 1, Duration.ofSeconds(60),
        null);
    assertEquals("gave up waiting for job 'j' at its 1m 00s deadline after 1 poll in 1m 00s; last status unknown (no "
        + "successful poll); the job may still be running", one.getMessage());
    assertNull(one.lastJob());
    assertEquals(1, one.polls());
    assertEquals(Duration.ofSeconds(60), one.elapsed());
    assertEquals("j", one.jobId());
    assertNull(one.getCause());
    WaitTimeoutException none = new WaitTimeoutException("j", "why", paused, 0, Duration.ZERO,
        new IllegalStateException("last"));
    assertTrue(none.getMessage().contains("after 0 polls in 0ms; last status paused\\u001b; last failure: last;"),
        none.getMessage());
    assertSame(paused, none.lastJob());

    WaitInterruptedException i = new WaitInterruptedException("j", new InterruptedException());
    assertEquals("interrupted while waiting for job 'j'", i.getMessage());
  }

  @Test
  void resultsAndStepsCompareByEveryField() {
    JobDetail job = JobDetail.builder().jobId("j").status("success").build();
    WaitResult r = new WaitResult(job, 3, Duration.ofSeconds(9));
    assertEquals(r, new WaitResult(job, 3, Duration.ofSeconds(9)));
    assertEquals(r.hashCode(), new WaitResult(job, 3, Duration.ofSeconds(9)).hashCode());
    assertNotEquals(r, new WaitResult(job.toBuilder().jobId("k").build(), 3, Duration.ofSeconds(9)));
    assertNotEquals(r, new WaitResult(job, 4, Duration.ofSeconds(9)));
    assertNotEquals(r, new WaitResult(job, 3, Duration.ofSeconds(8)));
    assertNotEquals(r, "a result");
    assertEquals("WaitResult{job=" + job + ", polls=3, elapsed=PT9S}", r.toString());
    assertSame(job, r.job());

    WaitCheckpoint c = WaitCheckpoint.start("j", WaitOptions.defaults(), T0);
    WaitStep done = WaitStep.done(r);
    WaitStep next = WaitStep.next(c);
    assertTrue(done.isDone());
    assertFalse(next.isDone());
    assertSame(r, done.result());
    assertNull(done.checkpoint());
    assertSame(c, next.checkpoint());
    assertNull(next.result());
    assertEquals(done, WaitStep.done(new WaitResult(job, 3, Duration.ofSeconds(9))));
    assertEquals(next.hashCode(), WaitStep.next(WaitCheckpoint.start("j", WaitOptions.defaults(), T0)).hashCode());
    assertNotEquals(done, next);
    assertNotEquals(next, WaitStep.next(WaitCheckpoint.start("k", WaitOptions.defaults(), T0)));
    assertNotEquals(next, "a step");
    assertEquals("WaitStep{done, " + r + "}", done.toString());
    assertEquals("WaitStep{next, " + c + "}", next.toString());
    assertThrows(NullPointerException.class, () -> WaitStep.done(null));
    assertThrows(NullPointerException.class, () -> WaitStep.next(null));
  }

  @Test
  void checkpointsCompareByEveryFieldButNeverByTheListener() {
    WaitCheckpoint.Builder base = WaitCheckpoint.builder().jobId("j").startedAt(T0).takenAt(T0.plusSeconds(5))
        .nextDelay(Duration.ofSeconds(2)).polls(3).scheduleStep(2).consecutiveFailures(1).lastStatus("running")
        .notFoundReported(false).subJobStatuses(Map.of("a", "running")).options(WaitOptions.defaults());
    WaitCheckpoint c = base.build();
    List<UnaryOperator<WaitCheckpoint.Builder>> changes = List.of(b -> b.jobId("k"), b -> b.startedAt(T0.minusSeconds(1)),
        b -> b.takenAt(T0), b -> b.nextDelay(Duration.ofSeconds(3)), b -> b.polls(4), b -> b.scheduleStep(3),
        b -> b.consecutiveFailures(0), b -> b.lastStatus("paused"), b -> b.lastStatus(null),
        b -> b.notFoundReported(true), b -> b.subJobStatuses(Map.of("a", "success")),
        b -> b.options(WaitOptions.builder().timeout(Duration.ofMinutes(1)).build()));
    for (int i = 0; i < changes.size(); i++) {
      WaitCheckpoint other = changes.get(i).apply(copy(c)).build();
      assertNotEquals(c, other, "change " + i);
      assertNotEquals(c.hashCode(), other.hashCode(), "change " + i);
    }
    WaitCheckpoint withListener = copy(c).options(WaitOptions.builder().listener(new JobProgressListener() {})
        .build()).build();
    assertEquals(c, withListener);
    assertSame(WaitOptions.defaults().listener(), withListener.options().listener(), "the listener is not kept");
    assertNotEquals(c, "a checkpoint");
    assertEquals("WaitCheckpoint{jobId=j, startedAt=2026-11-29T10:00:00Z, deadline=2026-11-29T10:30:00Z, polls=3, "
        + "lastStatus=running, nextPollAt=2026-11-29T10:00:07Z, subJobs=1}", c.toString());
    WaitCheckpoint noTakenAt = WaitCheckpoint.builder().jobId("j").startedAt(T0).build();
    assertEquals(T0, noTakenAt.takenAt(), "taken when it started unless said");
    assertTrue(noTakenAt.subJobStatuses().isEmpty());
    assertThrows(IllegalStateException.class, () -> WaitCheckpoint.builder().jobId("j").build());
    assertThrows(IllegalStateException.class, () -> WaitCheckpoint.builder().startedAt(T0).build());
  }

  private static WaitCheckpoint.Builder copy(WaitCheckpoint c) {
    return WaitCheckpoint.builder().jobId(c.jobId()).startedAt(c.startedAt()).takenAt(c.takenAt())
        .nextDelay(c.nextDelay()).polls(c.polls()).scheduleStep(c.scheduleStep())
        .consecutiveFailures(c.consecutiveFailures()).lastStatus(c.lastStatus())
        .notFoundReported(c.notFoundReported()).subJobStatuses(c.subJobStatuses()).options(c.options());
  }

  @Test
  void optionsCompareByTheScheduleTheySayAndNameTheirListener() {
    WaitOptions d = WaitOptions.defaults();
    List<UnaryOperator<WaitOptions.Builder>> changes = List.of(b -> b.initialDelay(Duration.ofSeconds(1)),
        b -> b.pollInterval(Duration.ofSeconds(3)), b -> b.backoffMultiplier(2), b -> b.maxInterval(Duration.ofMinutes(1)),
        b -> b.jitter(0.1), b -> b.timeout(Duration.ofMinutes(5)), b -> b.maxAttempts(9),
        b -> b.maxConsecutiveTransientErrors(2), b -> b.notFoundGracePeriod(Duration.ZERO),
        b -> b.unknownStatusPolicy(UnknownStatusPolicy.FAIL_FAST));
    for (int i = 0; i < changes.size(); i++) {
      WaitOptions other = changes.get(i).apply(d.toBuilder()).build();
      assertNotEquals(d, other, "change " + i);
      assertNotEquals(d.hashCode(), other.hashCode(), "change " + i);
      assertEquals(other, other.toBuilder().build(), "toBuilder keeps change " + i);
    }
    assertNotEquals(d, "options");
    assertEquals("WaitOptions{initialDelay=PT0S, pollInterval=PT2S, backoffMultiplier=1.5, maxInterval=PT30S, "
        + "jitter=0.2, timeout=PT30M, maxAttempts=0, maxConsecutiveTransientErrors=10, notFoundGracePeriod=PT30S, "
        + "unknownStatusPolicy=KEEP_POLLING}", d.toString());
    JobProgressListener mine = JobProgressListener.onStatusChange((job, from, to) -> { });
    WaitOptions heard = WaitOptions.of(b -> b.listener(mine));
    assertEquals(d, heard);
    assertSame(mine, heard.listener());
    assertTrue(heard.toString().endsWith(", listener=" + mine.getClass().getName() + "}"), heard.toString());
    assertSame(mine, heard.toBuilder().build().listener());
  }

  @Test
  void aStatusChangeHandlerHearsStatusChangesOnly() {
    List<String> heard = new ArrayList<>();
    JobProgressListener l = JobProgressListener.onStatusChange((job, from, to) -> heard.add(from + "->" + to));
    JobDetail job = JobDetail.builder().jobId("j").status("running").build();
    l.onJobStatusChanged(job, null, JobStatus.RUNNING);
    l.onUnknownStatus(job);
    l.onCheckpoint(WaitCheckpoint.start("j", WaitOptions.defaults(), T0));
    l.onJobNotFoundYet("j", Duration.ZERO);
    l.onSubJobStatusChanged(job, failedSub(1), null, JobStatus.FAILED);
    assertEquals(List.of("null->running"), heard);
    assertThrows(NullPointerException.class, () -> JobProgressListener.onStatusChange(null));
  }
}
