// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.AuthenticationException;
import io.sfsturbo.jobs.errors.BadRequestException;
import io.sfsturbo.jobs.errors.PermissionDeniedException;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import io.sfsturbo.jobs.testkit.FixedJitterTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Client and waiter against the test kit's emulator: examples, every fault kind, bad input, load. */
@Timeout(60)
class EmulatorMatrixTest {
  static final String PAGE_JOB = "26f6b565-xxxx-XXXX-xxxx-03f0bd975433";
  SfsTurboEmulator emulator;
  OkHttpClient http;
  SfsTurboJobsClient client;

  static final java.io.ByteArrayOutputStream LOG = new java.io.ByteArrayOutputStream();
  static java.io.PrintStream originalErr;

  /** The secrets canary over the whole matrix: DEBUG logs of every test are captured and scanned. */
  @org.junit.jupiter.api.BeforeAll
  static void captureLogs() {
    originalErr = System.err;
    System.setErr(new java.io.PrintStream(LOG, true));
  }

  @org.junit.jupiter.api.AfterAll
  static void noSecretInAnyLogLine() {
    System.setErr(originalErr);
    String log = LOG.toString();
    assertTrue(log.contains("DEBUG io.sfsturbo.jobs.http"), "DEBUG logging was not captured");
    assertFalse(log.contains(emulatorToken()), "the emulator's token appears in a log line");
  }

  static String emulatorToken() {
    return "emulator-token";
  }

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().stallDuration(Duration.ofSeconds(2)).build().start();
    http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    client = emulator.clientBuilder().httpConfiguration(h -> h.httpClient(http))
        .timeSource(FixedJitterTime.of(() -> 0.01)).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    emulator.close();
    http.dispatcher().cancelAll();
    // an idle connection is evictable; a leaked one (an unclosed body) is not
    http.connectionPool().evictAll();
    assertEquals(0, http.connectionPool().connectionCount(), "a connection was leaked");
    http.dispatcher().executorService().shutdown();
    assertTrue(http.dispatcher().executorService().awaitTermination(10, TimeUnit.SECONDS), "a call still runs");
  }

  @Test
  void pageExamplesRoundTrip() {
    emulator.addJob(JobScript.builder(PAGE_JOB).jobType("bind_ldap").succeeds().build());
    JobDetail job = client.showJobDetail(PAGE_JOB);
    assertEquals(PAGE_JOB, job.jobId());
    assertEquals(JobStatus.SUCCESS, job.status());
    assertEquals("bind_ldap", job.jobType());
    assertEquals(job.beginTime(), job.endTime(), "like the page's example, begin and end within a second");
    assertTrue(job.rawJson().contains("\"job_type\":\"bind_ldap\""));

    emulator.enqueueFaults(Fault.BAD_REQUEST);
    ServiceException bad = assertThrows(BadRequestException.class, () -> client.showJobDetail(PAGE_JOB));
    assertEquals("SFS.TURBO.0001", bad.errorCode());
    assertEquals("parameter error", bad.errorMessage());

    try (SfsTurboJobsClient otherProject = emulator.clientBuilder().projectId("not-mine").build()) {
      ServiceException notFound = assertThrows(ResourceNotFoundException.class,
          () -> otherProject.showJobDetail(PAGE_JOB));
      assertEquals("SFS.TURBO.0001", notFound.errorCode());
      assertEquals("parameter error", notFound.errorMessage());
    }

    try (SfsTurboJobsClient noRetry = emulator.clientBuilder().overrideConfiguration(o -> o.retryPolicy(
        io.sfsturbo.jobs.retry.RetryPolicy.none())).build()) {
      emulator.enqueueFaults(Fault.INTERNAL_ERROR);
      ServiceException internal = assertThrows(ServerException.class, () -> noRetry.showJobDetail(PAGE_JOB));
      assertEquals("SFS.TURBO.0005", internal.errorCode());
      assertEquals("Internal server error", internal.errorMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void everyFaultEndsInSuccessOrItsTypedException(Fault fault) {
    emulator.addJob(JobScript.builder("j").status("running", 1).succeeds().build());
    emulator.enqueueFaults("j", fault);
    WaitOptions options = WaitOptions.builder().pollInterval(Duration.ofMillis(10))
        .maxInterval(Duration.ofMillis(20)).timeout(Duration.ofSeconds(30)).build();
    switch (fault) {
      case BAD_REQUEST:
        assertInstanceOf(BadRequestException.class, failure(options));
        break;
      case UNAUTHORIZED:
        assertEquals("APIGW.0301", ((AuthenticationException) failure(options)).errorCode());
        break;
      case FORBIDDEN:
        assertInstanceOf(PermissionDeniedException.class, failure(options));
        break;
      case NOT_FOUND:
        // right after creation the waiter's grace period absorbs it; a plain call does not
        assertEquals(JobStatus.SUCCESS, client.waiter().waitFor("j", options).job().status());
        emulator.enqueueFaults("j", fault);
        assertEquals(SfsTurboErrorCode.INVALID_JOB_ID,
            assertThrows(ResourceNotFoundException.class, () -> client.showJobDetail("j")).knownErrorCode());
        break;
      case HTML_200:
      case MALFORMED_JSON:
      case EMPTY_200:
        assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j"));
        assertEquals(JobStatus.SUCCESS, client.waiter().waitFor("j", options).job().status(),
            "the waiter tolerates an unreadable answer");
        break;
      default:
        WaitResult r = client.waiter().waitFor("j", options);
        assertEquals(JobStatus.SUCCESS, r.job().status(), "retried through " + fault);
        assertEquals(fault, emulator.journal("j").get(0).fault());
    }
  }

  /** Live threads but the emulator's own (MockWebServer runs a thread per connection). */
  static int clientSideThreads() {
    int n = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && !t.getName().contains("MockWebServer")) {
        n++;
      }
    }
    return n;
  }

  static int sdkThreads() {
    int n = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("sfsturbo-scheduler")) {
        n++;
      }
    }
    return n;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private Throwable failure(WaitOptions options) {
    Throwable t = assertThrows(ServiceException.class, () -> client.waiter().waitFor("j", options));
    assertFalse(SecretsCanaryTest.stackTrace(t).contains(emulatorToken()), "a secret in an exception");
    return t;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "/", "../x", "a?b", "#", "a\u0007b", "tab\tid"})
  void badInputNeverReachesTheEmulator(String bad) {
    assertThrows(IllegalArgumentException.class, () -> client.showJobDetail(bad));
    assertThrows(IllegalArgumentException.class, () -> client.showJobDetailAsync(bad));
    assertThrows(IllegalArgumentException.class, () -> client.waiter().waitFor(bad, WaitOptions.defaults()));
    String huge = new String(new char[10_000]).replace('\0', 'x');
    assertThrows(IllegalArgumentException.class, () -> client.showJobDetail(huge));
    assertTrue(emulator.journal().isEmpty(), "requests reached the emulator: " + emulator.journal());
  }

  @Test
  void thousandConcurrentAsyncWaitsWithTenPercentFaults() throws Exception {
    Random random = new Random(42);
    int n = 1000;
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JobScript.Builder job = JobScript.builder("load-" + i).status("running", 1 + random.nextInt(6));
      boolean fails = random.nextInt(5) == 0;
      emulator.addJob((fails ? job.fails("SFS.TURBO.0038", "scripted failure") : job.succeeds()).build());
      expected.add(fails ? "failed" : "success");
    }
    emulator.faultRate(0.10, 7, Fault.THROTTLED_NO_RETRY_AFTER, Fault.INTERNAL_ERROR, Fault.SERVICE_UNAVAILABLE,
        Fault.GATEWAY_TIMEOUT, Fault.CONNECTION_RESET, Fault.BAD_GATEWAY_HTML, Fault.MALFORMED_JSON);
    http.dispatcher().setMaxRequestsPerHost(32);
    WaitOptions options = WaitOptions.builder().pollInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(50))
        .timeout(Duration.ofSeconds(45)).maxConsecutiveTransientErrors(10).build();
    JobWaiter waiter = client.waiter();
    int baseline = clientSideThreads();
    List<CompletableFuture<String>> waits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      waits.add(waiter.waitForAsync("load-" + i, options).handle((r, t) -> r != null ? r.job().status().value()
          : unwrap(t) instanceof JobFailedException ? "failed" : "error: " + unwrap(t)));
    }
    int peak = 0;
    int peakSdkThreads = 0;
    CompletableFuture<Void> all = CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0]));
    while (!all.isDone()) {
      peak = Math.max(peak, clientSideThreads());
      peakSdkThreads = Math.max(peakSdkThreads, sdkThreads());
      Thread.sleep(10);
    }
    List<String> outcomes = new ArrayList<>();
    for (CompletableFuture<String> w : waits) {
      outcomes.add(w.get());
    }
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!expected.get(i).equals(outcomes.get(i))) {
        wrong.add("load-" + i + ": expected " + expected.get(i) + ", got " + outcomes.get(i));
      }
    }
    assertEquals(n, outcomes.size(), "none lost");
    assertTrue(wrong.isEmpty(), wrong.size() + " waits ended wrongly, e.g. " + wrong.subList(0, Math.min(3, wrong.size())));
    // bounded by OkHttp's dispatcher (32 calls per host here, 64 in all) and its task runner, plus the SDK's
    // one scheduler thread: nowhere near one thread per wait (1 000)
    assertTrue(peak - baseline <= 80, "client-side threads grew from " + baseline + " to " + peak);
    assertTrue(peakSdkThreads <= 1, "SDK scheduler threads: " + peakSdkThreads);
    int faults = 0;
    for (io.sfsturbo.jobs.testkit.RecordedCall c : emulator.journal()) {
      if (c.fault() != null) {
        faults++;
      }
    }
    assertTrue(faults > n / 5, "the fault rate was applied: " + faults);
  }
}
