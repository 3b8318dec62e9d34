// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.MutableClock;
import io.sfsturbo.jobs.testkit.RecordedCall;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testkit.SfsTurboEmulatorExtension;
import io.sfsturbo.jobs.testkit.VirtualTime;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the documentation's snippets (README.md, docs/*.md, the Javadoc examples) against the emulator, so that
 * they are not only compiled but do what the text says. Clients run on virtual time where a snippet waits with
 * the default schedule: the whole class takes well under a second of waiting.
 */
@Timeout(30)
class SnippetsTest {
  @RegisterExtension
  static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream stdout;
  private PrintStream stderr;
  private VirtualTime time;
  private SfsTurboJobsClient fast;

  @BeforeEach
  void captureOutput() {
    stdout = System.out;
    stderr = System.err;
    PrintStream both = new PrintStream(out, true);
    System.setOut(both);
    System.setErr(both);
    time = VirtualTime.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    fast = sfs.emulator().clientBuilder().timeSource(time).build();
  }

  @AfterEach
  void restoreOutput() {
    fast.close();
    System.setOut(stdout);
    System.setErr(stderr);
  }

  private String output() {
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void quickStartWaitsAndReportsAFailure(SfsTurboEmulator emulator) {
    emulator.addJob(JobScript.builder("ok").jobType("expand").status("running", 2).succeeds().build());
    emulator.addJob(JobScript.builder("bad").status("running", 1).fails("SFS.TURBO.0038", "disk\u001b[2J full").build());
    QuickStart.waitForJob(fast, "ok");
    QuickStart.waitForJob(fast, "bad");
    String printed = output();
    assertTrue(printed.contains("expand is running"), printed);
    assertTrue(printed.contains("now success"), printed);
    assertTrue(printed.contains("succeeded after 2 polls"), printed);   // the first query was a poll too
    assertTrue(printed.contains("SFS.TURBO.0038: disk\\u001b[2J full"), printed);
  }

  @Test
  void errorsAreDescribed(SfsTurboEmulator emulator) {
    assertTrue(ErrorSnippets.describe(fast, "nope").startsWith("no job nope [request id "));
    emulator.addJob(JobScript.builder("job-1").status("running", 1).neverEnds().build());
    assertEquals("job job-1 is running", ErrorSnippets.describe(fast, "job-1"));
    emulator.enqueueFaults("job-1", Fault.FORBIDDEN);
    String forbidden = ErrorSnippets.describe(fast, "job-1");
    assertTrue(forbidden.startsWith("HTTP 403 SFS.TURBO.0015: "), forbidden);
    emulator.enqueueFaults("job-1", Fault.HTML_200);
    assertEquals("unreadable answer, HTTP 200", ErrorSnippets.describe(fast, "job-1"));
    emulator.enqueueFaults("job-1", Fault.THROTTLED, Fault.THROTTLED, Fault.THROTTLED);
    assertEquals("throttled; the gateway asked for a pause of PT1S", ErrorSnippets.describe(fast, "job-1"));
    emulator.enqueueFaults("job-1", Fault.TRUNCATED_BODY, Fault.TRUNCATED_BODY, Fault.TRUNCATED_BODY);
    String reset = ErrorSnippets.describe(fast, "job-1");
    assertTrue(reset.startsWith("network: "), reset);

    assertEquals("not found", ErrorSnippets.statusOrNotFound(fast, "nope").join());
    assertEquals("running", ErrorSnippets.statusOrNotFound(fast, "job-1").join());
    emulator.enqueueFaults("job-1", Fault.FORBIDDEN);
    CompletionException e = assertThrows(CompletionException.class,
        () -> ErrorSnippets.statusOrNotFound(fast, "job-1").join());
    assertTrue(e.getCause() instanceof ServiceException, e.toString());

    List<String> later = new ArrayList<>();
    emulator.enqueueFaults("job-1", Fault.SERVICE_UNAVAILABLE, Fault.SERVICE_UNAVAILABLE, Fault.SERVICE_UNAVAILABLE);
    assertNull(ErrorSnippets.showOrRetryLater(fast, "job-1", () -> later.add("again")));
    assertEquals(1, later.size());
    assertThrows(ServiceException.class, () -> ErrorSnippets.showOrRetryLater(fast, "nope", () -> later.add("no")));
    assertEquals(1, later.size());
  }

  @Test
  void retrySettingsBuild(SfsTurboEmulator emulator) {
    emulator.addJob(JobScript.builder("job-1").status("running", 1).neverEnds().build());
    try (SfsTurboJobsClient patient = RetrySnippets.patientClient(emulator.clientBuilder())) {
      assertEquals(5, patient.overrideConfiguration().retryPolicy().maxAttempts());
      assertEquals(Duration.ofSeconds(30), patient.overrideConfiguration().retryPolicy().maxRetryAfter());
    }
    emulator.enqueueFaults("job-1", Fault.INTERNAL_ERROR);
    assertThrows(ServiceException.class, () -> RetrySnippets.quickLook(fast, "job-1"));   // no retry
    assertEquals("running", RetrySnippets.quickLook(fast, "job-1").statusAsString());
    assertEquals(50, RetrySnippets.withinAQuota().rateLimit().maxRequestsPerSecond());
    assertFalse(RetrySnippets.withoutRateLimit().rateLimit().enabled());
  }

  @Test
  void waitingSnippetsDoWhatTheDocsSay(SfsTurboEmulator emulator) throws Exception {
    assertEquals(Duration.ofHours(2), WaitingSnippets.slowJobOptions().timeout());

    emulator.addJob(JobScript.builder("ok").status("running", 1).succeeds()
        .subJob(JobScript.builder("sub-1").status("running", 1).fails("E1", "bad disk")).build());
    assertFalse(WaitingSnippets.expanded(fast, "ok"));          // success, but a sub-job failed
    emulator.addJob(JobScript.builder("bad").status("running", 1).fails("SFS.TURBO.0038", "disk full")
        .subJob(JobScript.builder("sub-2").status("running", 1).fails("E2", "no disk")).build());
    assertFalse(WaitingSnippets.expanded(fast, "bad"));
    assertTrue(output().contains("sub-2: no disk"), output());

    List<String> log = new ArrayList<>();
    emulator.addJob(JobScript.builder("job-1").status("waiting", 1).status("running", 1).succeeds()
        .subJob(JobScript.builder("sub-1").status("running", 2).succeeds()).build());
    WaitingSnippets.waitWithProgress(fast, "job-1", log);
    assertEquals("job-1: null -> waiting", log.get(0));
    assertTrue(log.contains("  sub-1: null -> running"), log.toString());
    assertTrue(log.contains("job-1: waiting -> running"), log.toString());
    assertTrue(log.contains("job-1: running -> success"), log.toString());

    List<String> notYet = new ArrayList<>();
    emulator.enqueueFaults("late", Fault.NOT_FOUND);
    emulator.addJob(JobScript.builder("late").succeeds().build());
    WaitingSnippets.waitWithProgress(fast, "late", notYet);
    assertEquals("late not found yet; trying for PT30S", notYet.get(0));
  }

  @Test
  void aCheckpointResumesTheWait(SfsTurboEmulator emulator) {
    Map<String, String> store = new HashMap<>();
    emulator.addJob(JobScript.builder("job-1").status("running", 2).succeeds().build());
    WaitResult fresh = WaitingSnippets.resumableWait(fast, "job-1", store);
    assertEquals(3, fresh.polls());
    assertTrue(store.isEmpty());

    emulator.addJob(JobScript.builder("job-2").status("running", 1).succeeds().build());
    WaitCheckpoint earlier = WaitCheckpoint.builder().jobId("job-2").startedAt(time.now()).polls(4)
        .lastStatus("running").build();
    store.put("job-2", earlier.toText());
    WaitResult resumed = WaitingSnippets.resumableWait(fast, "job-2", store);
    assertEquals(6, resumed.polls());                             // counted from the first start
  }

  @Test
  void pollOnceAndAsync(SfsTurboEmulator emulator) throws Exception {
    emulator.addJob(JobScript.builder("job-1").status("running", 2).succeeds().build());
    WaitOptions quick = WaitOptions.builder().pollInterval(Duration.ofMillis(5)).build();
    WaitResult done = WaitingSnippets.pollOnTimersOfMyOwn(fast.waiter(), "job-1", quick);
    assertEquals(3, done.polls());

    emulator.addJob(JobScript.builder("job-2").status("running", 1).succeeds().build());
    CompletableFuture<WaitResult> wait = WaitingSnippets.waitInTheBackground(fast, "job-2");
    assertEquals(2, wait.join().polls());
    emulator.addJob(JobScript.builder("job-3").status("running", 1).neverEnds().build());
    CompletableFuture<WaitResult> cancelled = WaitingSnippets.waitInTheBackground(fast, "job-3");
    cancelled.cancel(true);
    assertTrue(cancelled.isCancelled());
  }

  @Test
  void testingSnippetsRun(SfsTurboEmulator emulator, SfsTurboJobsClient client) {
    assertEquals(2, TestingSnippets.outsideJUnit().polls());
    List<RecordedCall> journal = TestingSnippets.flakyGateway(emulator, fast);
    assertEquals(Fault.INTERNAL_ERROR, journal.get(0).fault());
    assertEquals(Fault.TRUNCATED_BODY, journal.get(1).fault());
    emulator.faultRate(0, 1);
    MutableClock clock = TestingSnippets.clockAtNewYear();
    assertNotNull(TestingSnippets.signedAndOnAClock(clock));
    try (SfsTurboEmulator timed = SfsTurboEmulator.builder().clock(clock).build().start();
        SfsTurboJobsClient timedClient = timed.newClient()) {
      TestingSnippets.jobScriptedByTime(timed, clock);
      assertEquals("success", timedClient.showJobDetail("job-3").statusAsString());
    }
    try (SfsTurboJobsClient repeatable = TestingSnippets.repeatableDelays(emulator)) {
      emulator.addJob(JobScript.builder("job-4").succeeds().build());
      assertTrue(repeatable.showJobDetail("job-4").isSuccess());
    }
  }

  @Test
  void customTelemetryCounts(SfsTurboEmulator emulator) {
    TelemetrySnippets.Counters counters = new TelemetrySnippets.Counters();
    emulator.addJob(JobScript.builder("job-1").status("running", 1).fails("E", "no").build());
    emulator.enqueueFaults("job-1", Fault.THROTTLED_NO_RETRY_AFTER);
    try (SfsTurboJobsClient counted = TelemetrySnippets.counted(emulator.clientBuilder().timeSource(time), counters)) {
      assertThrows(JobFailedException.class, () -> counted.waiter().waitFor("job-1", WaitOptions.defaults()));
    }
    assertEquals(1, counters.throttled.get());
    assertEquals(1, counters.failedWaits.get());
  }

  @Test
  void securitySnippets(SfsTurboEmulator emulator) {
    JobDetail job = JobDetail.builder().jobId("job-1").status("failed").failReason("\u001b]0;owned\u0007").build();
    assertEquals("job job-1 failed: \\u001b]0;owned\\u0007", SecuritySnippets.failureLine(job));
    int port = emulator.endpoint().getPort();
    try (SfsTurboJobsClient local = SecuritySnippets.localEmulatorClient(
        SfsTurboJobsClient.builder().projectId(emulator.projectId()).credentials(emulator.auth().clientCredentials()),
        port)) {
      emulator.addJob(JobScript.builder("job-1").succeeds().build());
      assertTrue(local.showJobDetail("job-1").isSuccess());
    }
    try (SfsTurboJobsClient small = SecuritySnippets.smallAnswersOnly(emulator.clientBuilder())) {
      assertNotNull(small);
    }
  }

  @Test
  void rawRetrofitReadsTheJob(SfsTurboEmulator emulator) throws Exception {
    emulator.addJob(JobScript.builder("job-1").status("running", 1).neverEnds().build());
    JobDetail job = RawRetrofit.show(emulator.endpoint().toString(), "emulator-token", emulator.projectId(), "job-1");
    assertEquals("running", job.statusAsString());
    assertEquals("running", JavadocSnippets.rawRetrofit(emulator.endpoint().toString(), "emulator-token",
        emulator.projectId(), "job-1").statusAsString());
  }

  @Test
  void javadocExamplesRun(SfsTurboEmulator emulator) {
    emulator.addJob(JobScript.builder("job-1").status("running", 1).succeeds().build());
    assertEquals(1, JavadocSnippets.waiter(fast, "job-1").polls());   // the async wait saw the end at once
    assertEquals(Duration.ofHours(1), JavadocSnippets.waitOptions().timeout());
    JavadocSnippets.emulator();
    try (SfsTurboEmulator other = SfsTurboEmulator.builder().build().start()) {
      other.addJob(JobScript.builder("job-1").status("running", 2).succeeds().build());
      assertEquals(Arrays.asList(Duration.ofMillis(1800), Duration.ofMillis(2700)), JavadocSnippets.virtualTime(other));
    }
    assertEquals(2, JavadocSnippets.akSk("ak", "sk", "st").length);
    assertEquals(2, JavadocSnippets.token("t", () -> "u").length);
    assertNotNull(JavadocSnippets.iamPassword("secret"));
  }
}
