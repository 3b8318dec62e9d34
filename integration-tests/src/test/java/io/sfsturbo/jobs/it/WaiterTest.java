// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static io.sfsturbo.jobs.it.MockService.error;
import static io.sfsturbo.jobs.it.MockService.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.UnexpectedJobStatusException;
import io.sfsturbo.jobs.waiter.UnknownStatusPolicy;
import io.sfsturbo.jobs.waiter.WaitInterruptedException;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import io.sfsturbo.jobs.time.TimeSource;
import java.util.concurrent.TimeUnit;
import io.sfsturbo.jobs.testkit.VirtualTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sync waiter against MockWebServer, on a fake clock: every test runs instantly and deterministically. */
@Timeout(30)
class WaiterTest {
  MockService service;
  VirtualTime time;
  SfsTurboJobsClient client;
  JobWaiter waiter;
  final List<String> events = new CopyOnWriteArrayList<>();
  final JobProgressListener recorder = new JobProgressListener() {
    @Override
    public void onJobStatusChanged(JobDetail job, JobStatus previous, JobStatus current) {
      events.add("job " + previous + "->" + current);
    }

    @Override
    public void onSubJobStatusChanged(JobDetail job, SubJobDetail sub, JobStatus previous, JobStatus current) {
      events.add(sub.jobId() + " " + previous + "->" + current);
    }

    @Override
    public void onUnknownStatus(JobDetail job) {
      events.add("unknown " + job.statusAsString());
    }
  };
  WaitOptions.Builder options;

  @BeforeEach
  void start() throws Exception {
    service = new MockService();
    time = VirtualTime.startingAt(Instant.parse("2026-11-29T10:00:00Z")).withJitter(() -> 0.0);
    client = service.clientBuilder().timeSource(time).overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
        .build();
    waiter = client.waiter();
    options = WaitOptions.builder().pollInterval(Duration.ofSeconds(2)).backoffMultiplier(1.5)
        .maxInterval(Duration.ofSeconds(5)).timeout(Duration.ofMinutes(1)).listener(recorder);
  }

  @AfterEach
  void stop() {
    client.close();
    service.close();
  }

  private void job(String status) {
    service.enqueueJob("j", status);
  }

  @Test
  void successReturnsFinalDetailPollsAndElapsedTime() {
    job("waiting");
    job("running");
    job("running");
    job("running");
    job("success");
    WaitResult result = waiter.waitFor("j", options.build());
    assertEquals(JobStatus.SUCCESS, result.job().status());
    assertEquals(5, result.polls());
    assertEquals(Arrays.asList(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500),
        Duration.ofSeconds(5)), time.delays(), "backoff x1.5 capped at 5 s");
    assertEquals(Duration.ofMillis(14_500), result.elapsed());
    assertEquals(Arrays.asList("job null->waiting", "job waiting->running", "job running->success"), events);
  }

  @Test
  void failedJobThrowsWithEverythingTheCallerNeeds() {
    job("running");
    service.enqueue(json(200, "{\"job_id\":\"j\",\"status\":\"failed\",\"job_type\":\"expand\","
        + "\"error_code\":\"SFS.TURBO.0011\",\"fail_reason\":\"busy\",\"sub_jobs\":["
        + "{\"job_id\":\"s1\",\"status\":\"failed\",\"job_type\":\"node\",\"error_code\":\"SFS.TURBO.0038\","
        + "\"fail_reason\":\"disk\"},{\"job_id\":\"s2\",\"status\":\"success\"}]}"));
    JobFailedException e = assertThrows(JobFailedException.class, () -> waiter.waitFor("j", options.build()));
    assertEquals("j", e.jobId());
    assertEquals("expand", e.jobType());
    assertEquals("SFS.TURBO.0011", e.errorCode());
    assertEquals("busy", e.failReason());
    assertEquals(1, e.failedSubJobs().size());
    assertEquals("s1", e.failedSubJobs().get(0).jobId());
    assertEquals(JobStatus.FAILED, e.job().status());
    assertTrue(e.getMessage().contains("SFS.TURBO.0038") && e.getMessage().contains("disk"), e.getMessage());
  }

  @Test
  void successWithFailedSubJobsIsFlaggedAsPartialFailure() {
    service.enqueue(json(200, "{\"job_id\":\"j\",\"status\":\"success\",\"sub_jobs\":["
        + "{\"job_id\":\"s1\",\"status\":\"failed\",\"error_code\":\"E\"},{\"job_id\":\"s2\",\"status\":\"success\"}]}"));
    WaitResult r = waiter.waitFor("j", options.build());
    assertTrue(r.job().isPartialFailure());
    assertEquals("s1", r.job().failedSubJobs().get(0).jobId());
  }

  @Test
  void unknownStatusKeepsPollingByDefaultAndIsReportedOnce() {
    job("running");
    job("cancelling");
    job("cancelling");
    job("success");
    WaitResult r = waiter.waitFor("j", options.build());
    assertEquals(4, r.polls());
    // The enum says the status is one this SDK does not know; the job keeps its text.
    assertEquals(Arrays.asList("job null->running", "job running->UNKNOWN_TO_SDK_VERSION", "unknown cancelling",
        "job UNKNOWN_TO_SDK_VERSION->success"), events);
  }

  @Test
  void twoUnknownStatusesInARowAreTwoChanges() {
    job("cancelling");
    job("paused");
    job("success");
    waiter.waitFor("j", options.build());
    assertEquals(Arrays.asList("job null->UNKNOWN_TO_SDK_VERSION", "unknown cancelling",
        "job UNKNOWN_TO_SDK_VERSION->UNKNOWN_TO_SDK_VERSION", "unknown paused", "job UNKNOWN_TO_SDK_VERSION->success"),
        events);
  }

  @Test
  void aRetryAfterAboveTheCapEndsTheWaitAsItEndsACall() {
    // The one retry rule: a Retry-After above the policy's maxRetryAfter ends the retries, a wait's as a call's.
    service.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
        .addHeader("Retry-After", "99999999999999").body("{\"error_code\":\"APIGW.0308\"}").build());
    ThrottledException e = assertThrows(ThrottledException.class, () -> waiter.waitFor("j", options.build()));
    assertEquals(Duration.ofDays(365), e.retryAfter(), "read as far as the SDK reads a Retry-After: a year");
    assertEquals(1, service.server.getRequestCount());
  }

  @Test
  void aRetryAfterWithinTheCapButPastTheDeadlineEndsTheWaitAsATimeoutNamingIt() {
    try (SfsTurboJobsClient patient = service.clientBuilder().timeSource(time)
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.builder().maxRetryAfter(Duration.ofDays(365)).build()))
        .build()) {
      service.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
          .addHeader("Retry-After", "7200").body("{\"error_code\":\"APIGW.0308\"}").build());
      WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
          () -> patient.waiter().waitFor("j", options.build()));
      assertTrue(e.getMessage().contains("the server asked to wait 2h"), e.getMessage());
      assertTrue(e.getCause() instanceof ThrottledException, "the last failure is kept");
      assertEquals(1, service.server.getRequestCount());
    }
  }

  @Test
  void unknownStatusFailsFastWhenAsked() {
    job("cancelled");
    UnexpectedJobStatusException e = assertThrows(UnexpectedJobStatusException.class,
        () -> waiter.waitFor("j", options.unknownStatusPolicy(UnknownStatusPolicy.FAIL_FAST).build()));
    assertEquals(JobStatus.UNKNOWN_TO_SDK_VERSION, e.job().status());
    assertEquals("cancelled", e.job().statusAsString());
    assertEquals(1, service.server.getRequestCount());
  }

  @Test
  void timeoutCarriesTheLastDetailAndPollsOnceMoreJustBeforeTheDeadline() {
    for (int i = 0; i < 10; i++) {
      job("running");
    }
    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> waiter.waitFor("j",
        options.backoffMultiplier(1).pollInterval(Duration.ofSeconds(4)).maxInterval(Duration.ofSeconds(4))
            .timeout(Duration.ofSeconds(10)).build()));
    // Polls at 0, 4 and 8 s; the next (12 s) would pass the deadline, so the delay is clamped for a
    // last poll at 9 s, which leaves it the final second before the deadline.
    assertEquals(Arrays.asList(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(1)), time.delays(),
        "the last delay is clamped so that one poll fits before the deadline");
    assertEquals(4, e.polls());
    assertEquals(JobStatus.RUNNING, e.lastJob().status());
    assertEquals("j", e.jobId());
    assertEquals(Duration.ofSeconds(9), e.elapsed());
    assertTrue(e.getMessage().contains("may still be running"), e.getMessage());
  }

  @Test
  void optionalAttemptLimit() {
    job("running");
    job("running");
    WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
        () -> waiter.waitFor("j", options.maxAttempts(2).build()));
    assertEquals(2, e.polls());
    assertEquals(2, service.server.getRequestCount());
  }

  @Test
  void transientFailuresAreToleratedUpToTheLimit() {
    job("running");
    service.enqueue(error(503, "SFS.TURBO.0005"));
    service.enqueue(error(502, "SFS.TURBO.0005"));
    job("success");
    assertEquals(4, waiter.waitFor("j", options.maxConsecutiveTransientErrors(3).build()).polls());

    service.enqueue(error(503, "SFS.TURBO.0005"));
    service.enqueue(error(503, "SFS.TURBO.0005"));
    ServerException e = assertThrows(ServerException.class,
        () -> waiter.waitFor("j", options.maxConsecutiveTransientErrors(2).build()));
    assertEquals(503, e.statusCode());
  }

  @Test
  void unreadableAnswersAreToleratedLikeTransientFailures() {
    service.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html/>").build());
    service.enqueue(json(200, "{\"job_id\":"));
    job("success");
    assertEquals(3, waiter.waitFor("j", options.maxConsecutiveTransientErrors(3).build()).polls());
  }

  @Test
  void notFoundRightAfterCreationIsToleratedForTheGracePeriod() {
    service.enqueue(error(404, "SFS.TURBO.0019"));
    service.enqueue(error(404, "SFS.TURBO.0019"));
    job("success");
    assertEquals(3, waiter.waitFor("j", options.notFoundGracePeriod(Duration.ofSeconds(10)).build()).polls());

    service.enqueue(error(404, "SFS.TURBO.0019"));
    service.enqueue(error(404, "SFS.TURBO.0019"));
    service.enqueue(error(404, "SFS.TURBO.0019"));
    ResourceNotFoundException late = assertThrows(ResourceNotFoundException.class,
        () -> waiter.waitFor("j", options.notFoundGracePeriod(Duration.ofSeconds(4)).build()));
    assertEquals("SFS.TURBO.0019", late.errorCode());

    service.enqueue(error(404, "SFS.TURBO.0001"));
    assertThrows(ResourceNotFoundException.class, () -> waiter.waitFor("j", options.build()),
        "another 404 code is not 'not visible yet'");
  }

  @Test
  void theGracePeriodEndsExactlyAndTheListenerHearsOfItOnce() {
    for (int i = 0; i < 20; i++) {
      service.enqueue(error(404, "SFS.TURBO.0019"));
    }
    List<Duration> heard = new ArrayList<>();
    JobProgressListener listener = new JobProgressListener() {
      @Override
      public void onJobNotFoundYet(String jobId, Duration gracePeriod) {
        heard.add(gracePeriod);
      }
    };
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> waiter.waitFor("j",
        options.maxInterval(Duration.ofSeconds(30)).notFoundGracePeriod(Duration.ofSeconds(30)).listener(listener)
            .build()));
    assertEquals("SFS.TURBO.0019", e.errorCode());
    // 2 + 3 + 4.5 + 6.75 + 10.125 = 26.375 s; the next delay (15.2 s) is cut to the grace period's end,
    // so the poll that decides happens at 30 s, not at 41.6 s.
    Duration total = Duration.ZERO;
    for (Duration d : time.delays()) {
      total = total.plus(d);
    }
    assertEquals(Duration.ofSeconds(30), total, "sleeps " + time.delays());
    assertEquals(java.util.Collections.singletonList(Duration.ofSeconds(30)), heard);
  }

  @Test
  void notFoundAfterTheJobWasSeenSurfacesAtOnce() {
    job("running");
    service.enqueue(error(404, "SFS.TURBO.0019"));
    assertThrows(ResourceNotFoundException.class,
        () -> waiter.waitFor("j", options.notFoundGracePeriod(Duration.ofMinutes(5)).build()));
    assertEquals(2, service.server.getRequestCount());
  }

  @Test
  void retryAfterStretchesTheNextDelay() {
    service.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("").build());
    job("success");
    waiter.waitFor("j", options.build());
    assertEquals(Arrays.asList(Duration.ofSeconds(7)), time.delays());
  }

  @Test
  void subJobChangesAreReportedOncePerChange() {
    String sub = "{\"job_id\":\"j\",\"status\":\"%s\",\"sub_jobs\":[{\"job_id\":\"a\",\"status\":\"%s\"},"
        + "{\"job_id\":\"b\",\"status\":\"%s\"}]}";
    service.enqueue(json(200, String.format(sub, "running", "running", "waiting")));
    service.enqueue(json(200, String.format(sub, "running", "running", "waiting")));
    service.enqueue(json(200, String.format(sub, "running", "success", "running")));
    service.enqueue(json(200, String.format(sub, "success", "success", "success")));
    waiter.waitFor("j", options.build());
    assertEquals(Arrays.asList("job null->running", "a null->running", "b null->waiting",
        "a running->success", "b waiting->running", "job running->success", "b running->success"), events);
  }

  @Test
  void aThrowingListenerDoesNotBreakTheWait() {
    job("running");
    job("success");
    WaitResult r = waiter.waitFor("j", options.listener(new JobProgressListener() {
      @Override
      public void onJobStatusChanged(JobDetail job, JobStatus previous, JobStatus current) {
        throw new IllegalStateException("listener bug");
      }
    }).build());
    assertEquals(JobStatus.SUCCESS, r.job().status());
  }

  @Test
  void interruptStopsTheWaitAndKeepsTheFlag() {
    job("running");
    // A time source whose pause is interrupted as it starts: the wait must end at once, typed, flag kept.
    TimeSource interruptingPause = new TimeSource() {
      @Override
      public long nanoTime() {
        return time.nanoTime();
      }

      @Override
      public Instant now() {
        return time.now();
      }

      @Override
      public java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        Thread.currentThread().interrupt();
        return new NeverDue();
      }

      @Override
      public double jitter() {
        return 0;
      }
    };
    JobWaiter interrupting = client.waiterBuilder().timeSource(interruptingPause).build();
    try {
      assertThrows(WaitInterruptedException.class, () -> interrupting.waitFor("j", options.build()));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    assertEquals(1, service.server.getRequestCount());
  }

  @Test
  void badInputIsRejectedBeforeAnyRequest() {
    assertThrows(IllegalArgumentException.class, () -> waiter.waitFor("../x", options.build()));
    assertThrows(IllegalArgumentException.class, () -> waiter.waitForAsync("a/b", options.build()));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().jitter(0.9));
    assertThrows(IllegalArgumentException.class, () -> WaitOptions.builder().timeout(Duration.ZERO));
    assertEquals(0, service.server.getRequestCount());
    assertFalse(WaitOptions.defaults().timeout().isZero());
  }

  @Test
  void jitterKeepsAFloorOfHalfTheDelay() throws Exception {
    for (int i = 0; i < 3; i++) {
      job("running");
    }
    job("success");
    JobWaiter jittery = client.waiterBuilder().timeSource(time.withJitter(() -> 0.999)).build();
    jittery.waitFor("j", options.jitter(0.5).build());
    for (Duration d : time.delays()) {
      assertTrue(d.toMillis() >= 1000, "delay " + d + " fell below half the 2 s interval");
    }
    assertEquals(3, time.delays().size());
  }

  /** A timer that never fires. */
  private static final class NeverDue extends java.util.concurrent.FutureTask<Void>
      implements java.util.concurrent.ScheduledFuture<Void> {
    NeverDue() {
      super(() -> { }, null);
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return Long.MAX_VALUE;
    }

    @Override
    public int compareTo(java.util.concurrent.Delayed o) {
      return 0;
    }
  }
}
