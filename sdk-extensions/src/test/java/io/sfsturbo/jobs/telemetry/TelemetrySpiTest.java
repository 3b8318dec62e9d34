// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.internal.telemetry.TelemetryHub;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SPI as a user's implementation sees it, against a scripted server (millisecond retry delays). */
class TelemetrySpiTest {
  private MockWebServer server;
  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SfsTurboJobsClient client(Telemetry telemetry) {
    return SfsTurboJobsClient.builder().endpoint(server.url("/").uri()).httpConfiguration(h -> h.allowInsecureHttp(true)).projectId("p")
        .credentials(TokenCredentials.of("tok"))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(2)).build()))
        .telemetry(telemetry).build();
  }

  private static MockResponse job(String status, String requestId) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeaderLenient("X-request-id", requestId)
        .body("{\"job_id\":\"j\",\"status\":\"" + status + "\"}").build();
  }

  private static MockResponse error(int code, String errorCode) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("X-request-id", "r-" + code)
        .body("{\"errCode\":\"" + errorCode + "\",\"errMsg\":\"no\"}").build();
  }

  /** Writes down every event, as a user's implementation would see it. */
  private final Telemetry recorder = new Telemetry() {
    @Override
    public AttemptListener attemptStarted(AttemptEvent a) {
      heard.add("start " + a.attempt() + (a.parent() != null ? " in wait" : ""));
      return new AttemptListener() {
        @Override
        public void throttled(AttemptEvent e) {
          heard.add("throttled retry-after " + e.retryAfter());
        }

        @Override
        public void attemptEnded(AttemptEvent e) {
          heard.add("end " + e.attempt() + " " + e.outcome().tag() + " " + e.httpStatus() + " code " + e.errorCode()
              + " req " + e.requestId() + " next " + (e.retryDelay() == null ? "none" : "some"));
        }
      };
    }

    @Override
    public WaitListener waitStarted(WaitEvent w) {
      heard.add("wait " + w.jobId() + " " + w.timeout());
      return new WaitListener() {
        @Override
        public void polled(WaitEvent e, AttemptEvent poll) {
          heard.add("poll " + e.polls());
        }

        @Override
        public void statusChanged(WaitEvent e, String previous, String current) {
          heard.add("status " + previous + " -> " + current);
        }

        @Override
        public void waitEnded(WaitEvent e) {
          heard.add("wait ended " + e.outcome().tag() + " after " + e.polls() + " polls, " + e.errorType());
        }
      };
    }
  };

  @Test
  void aCallReportsEachAttemptWithItsOutcomeAndTheDelayAfterIt() {
    server.enqueue(new MockResponse.Builder(error(429, "APIGW.0308")).addHeader("Retry-After", "0").build());
    server.enqueue(error(503, "SFS.TURBO.0005"));
    server.enqueue(job("success", "req\u001b[2J-1"));
    try (SfsTurboJobsClient client = client(recorder)) {
      client.showJobDetail("j");
    }

    assertEquals(List.of(
        "start 1", "throttled retry-after PT0S", "end 1 throttled 429 code other req r-429 next some",
        "start 2", "end 2 server_error 503 code SFS.TURBO.0005 req r-503 next some",
        // Server text is escaped before any telemetry sees it.
        "start 3", "end 3 success 200 code null req req\\u001b[2J-1 next none"), heard);
  }

  @Test
  void aWaitReportsItsPollsStatusChangesAndEnd() {
    server.enqueue(job("running", "a"));
    server.enqueue(job("running", "b"));
    server.enqueue(job("failed", "c"));
    try (SfsTurboJobsClient client = client(recorder)) {
      assertThrows(JobFailedException.class, () -> client.waiter().waitFor("j",
          WaitOptions.builder().pollInterval(Duration.ofMillis(1)).timeout(Duration.ofSeconds(10)).build()));
    }

    assertEquals(List.of("wait j PT10S",
        "start 1 in wait", "end 1 success 200 code null req a next some", "poll 1", "status null -> running",
        "start 2 in wait", "end 2 success 200 code null req b next some", "poll 2",
        "start 3 in wait", "end 3 success 200 code null req c next none", "poll 3", "status running -> failed",
        "wait ended job_failed after 3 polls, JobFailedException"), heard);
  }

  @Test
  void aResumedWaitReportsTheWholeTimeoutNotTheTimeItHasLeft() {
    server.enqueue(job("success", "a"));
    // A wait of 10 min that started 4 min ago, in another process: 6 min left.
    WaitOptions options = WaitOptions.builder().timeout(Duration.ofMinutes(10)).build();
    WaitCheckpoint checkpoint = WaitCheckpoint.start("j", options, Instant.now().minus(Duration.ofMinutes(4)));
    try (SfsTurboJobsClient client = client(recorder)) {
      client.waiter().waitFor(checkpoint, options.listener());
    }

    assertEquals(List.of("wait j PT10M", "start 1 in wait", "end 1 success 200 code null req a next none", "poll 1",
        "status null -> success", "wait ended success after 1 polls, null"), heard);
  }

  @Test
  void anAsyncWaitCancelledDuringAPollEndsThePollAndTheWaitOnceEach() throws Exception {
    server.enqueue(new MockResponse.Builder(job("running", "slow")).headersDelay(5, TimeUnit.SECONDS).build());
    try (SfsTurboJobsClient client = client(recorder)) {
      CompletableFuture<?> wait = client.waiter().waitForAsync("j", WaitOptions.defaults());
      server.takeRequest(5, TimeUnit.SECONDS);   // the poll is on the wire

      wait.cancel(true);

      assertEquals(List.of("wait j PT30M", "start 1 in wait", "end 1 cancelled 0 code null req null next none",
          "poll 1", "wait ended cancelled after 1 polls, CancellationException"), heard);
    }
  }

  @Test
  void anAsyncCallReportsLikeASyncOne() {
    server.enqueue(error(503, "SFS.TURBO.0005"));
    server.enqueue(job("success", "a"));
    try (SfsTurboJobsClient client = client(recorder)) {
      client.showJobDetailAsync("j").join();
    }

    assertEquals(List.of("start 1", "end 1 server_error 503 code SFS.TURBO.0005 req r-503 next some",
        "start 2", "end 2 success 200 code null req a next none"), heard);
  }

  @Test
  void aTelemetryThatThrowsEverywhereNeverChangesAnOutcome() {
    Telemetry broken = new Telemetry() {
      @Override
      public AttemptListener attemptStarted(AttemptEvent attempt) {
        return new AttemptListener() {
          @Override
          public void throttled(AttemptEvent a) {
            throw new IllegalStateException("throttled");
          }

          @Override
          public void attemptEnded(AttemptEvent a) {
            throw new IllegalStateException("attemptEnded");
          }
        };
      }

      @Override
      public WaitListener waitStarted(WaitEvent w) {
        return new WaitListener() {
          @Override
          public void polled(WaitEvent e, AttemptEvent poll) {
            throw new IllegalStateException("polled");
          }

          @Override
          public void statusChanged(WaitEvent e, String previous, String current) {
            throw new IllegalStateException("statusChanged");
          }

          @Override
          public void waitEnded(WaitEvent e) {
            throw new IllegalStateException("waitEnded");
          }
        };
      }
    };
    Telemetry throwsAtStart = new Telemetry() {
      @Override
      public AttemptListener attemptStarted(AttemptEvent attempt) {
        throw new IllegalStateException("attemptStarted");
      }

      @Override
      public WaitListener waitStarted(WaitEvent w) {
        return null;
      }
    };
    for (Telemetry t : List.of(broken, throwsAtStart, Telemetry.composite(broken, recorder, throwsAtStart))) {
      server.enqueue(new MockResponse.Builder(error(429, "APIGW.0308")).addHeader("Retry-After", "0").build());
      server.enqueue(job("running", "a"));
      server.enqueue(job("success", "b"));
      server.enqueue(error(404, "SFS.TURBO.0019"));
      try (SfsTurboJobsClient client = client(t)) {
        assertEquals("running", client.showJobDetail("j").status().value());
        assertEquals("success", client.waiter().waitFor("j", o -> o.pollInterval(Duration.ofMillis(1))).job()
            .status().value());
        assertThrows(ResourceNotFoundException.class, () -> client.showJobDetail("j"));
      }
    }
    // The composite's well-behaved part heard everything despite its neighbours.
    assertEquals("wait ended success after 1 polls, null", heard.get(heard.size() - 3));
  }

  @Test
  void withoutTelemetryNoProbeIsMade() {
    TelemetryHub none = new TelemetryHub(Telemetry.none(), URI.create("https://example.com"));
    assertNull(none.forCall("j"));
    assertNull(none.forWait("j", Duration.ofSeconds(1), x -> null, System::nanoTime));
    assertSame(Telemetry.none(), Telemetry.composite());
    assertSame(recorder, Telemetry.composite(Telemetry.none(), recorder));
  }
}
