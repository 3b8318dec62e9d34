// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.BadRequestException;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.errors.UnexpectedRedirectException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.testing.FakeTime;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One ShowJobDetail exchange against a real socket, sync and async alike: what each kind of answer (or its
 * absence) becomes, reported exactly once, with the attempt's bound disarmed afterwards. The watchdog runs on
 * manual virtual time, so a bound fires only when a test moves the clock: no test here sleeps.
 */
@Timeout(60)
class ShowJobExchangeTest {
  private static final String JOB_ID = "j-1";
  private static final String OP = "ShowJobDetail of job '" + JOB_ID + "'";
  private final FakeTime time = FakeTime.manual().at(Instant.parse("2026-11-29T10:00:00Z"));
  private final AttemptWatchdog watchdog = new AttemptWatchdog(time);
  private final MockWebServer server = new MockWebServer();
  /** One client per test, whose TLS setup, dispatcher and pool every client of the test shares. */
  private final OkHttpClient base = new OkHttpClient();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    base.dispatcher().cancelAll();
    base.dispatcher().executorService().shutdown();
    base.connectionPool().evictAll();
    server.close();
  }

  /** What the exchange told its caller, in order. */
  private static final class Heard implements Exchange.Callback<JobDetail> {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<Object> outcome = new CompletableFuture<>();
    volatile Cancellable handle;

    @Override
    public void started(Cancellable h) {
      handle = h;
      events.add("started");
    }

    @Override
    public void responded(int status, String requestId) {
      events.add("responded " + status + " " + requestId);
    }

    @Override
    public void succeeded(JobDetail value) {
      events.add("succeeded");
      outcome.complete(value);
    }

    @Override
    public void failed(SfsTurboException failure) {
      events.add("failed");
      outcome.complete(failure);
    }

    Object await() throws Exception {
      return outcome.get(20, TimeUnit.SECONDS);
    }
  }

  private OkHttpClient client(boolean guard, Interceptor extra) {
    OkHttpClient.Builder b = base.newBuilder().followRedirects(false).followSslRedirects(false);
    if (guard) {
      b.addInterceptor(new InterceptorBugGuard());
    }
    if (extra != null) {
      b.addInterceptor(extra);
    }
    return b.build();
  }

  private ShowJobExchange exchange(OkHttpClient http, long maxBytes) {
    return new ShowJobExchange(http, new JobRequestCache(server.url("/"), http, "proj", "ua"),
        new JobDecoder(maxBytes), "proj", JOB_ID, watchdog, time);
  }

  /** Runs one exchange to its outcome, sync or async. */
  private Heard run(ShowJobExchange exchange, boolean sync) throws Exception {
    Heard heard = new Heard();
    exchange.start(TimeUnit.SECONDS.toNanos(30), sync, heard);
    heard.await();
    return heard;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("X-request-id", "req-" + code).body(body).build();
  }

  private static String job(String id) {
    return "{\"job_id\":\"" + id + "\",\"status\":\"running\"}";
  }

  /** One answer and what it must become. */
  private static final class Case {
    final String name;
    final MockResponse response;
    final Consumer<Object> check;
    final boolean responded;

    Case(String name, MockResponse response, boolean responded, Consumer<Object> check) {
      this.name = name;
      this.response = response;
      this.responded = responded;
      this.check = check;
    }
  }

  private static <T> T is(Class<T> type, Object outcome) {
    return assertInstanceOf(type, outcome);
  }

  private List<Case> answers() {
    String retryAt = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.now().plusSeconds(30).atOffset(ZoneOffset.UTC));
    String origin = "http://" + server.url("/").host() + ":" + server.getPort();
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("the job", json(200, job(JOB_ID)), true, o -> {
      JobDetail j = is(JobDetail.class, o);
      assertEquals(JOB_ID, j.jobId());
      assertEquals("req-200", j.requestId());
    }));
    cases.add(new Case("another job", json(200, job("j-2")), true, o -> {
      ResponseDecodingException e = is(ResponseDecodingException.class, o);
      assertEquals(OP + " returned HTTP 200 with job 'j-2' instead of the requested one [request id req-200]",
          e.getMessage());
      assertEquals(200, e.statusCode());
      assertEquals("req-200", e.requestId());
      assertEquals("", e.rawBody());
    }));
    cases.add(new Case("a proxy's page", new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .body("<html>login</html>").build(), true, o -> {
          ResponseDecodingException e = is(ResponseDecodingException.class, o);
          assertEquals(OP + " returned HTTP 200 with a body that could not be read: expected a JSON body but the "
              + "content type is text/html [request id none]", e.getMessage());
          assertEquals("<html>login</html>", e.rawBody());
          assertNull(e.getCause());
        }));
    cases.add(new Case("a body too large", json(200, job(JOB_ID) + "          "), true, o -> {
      ResponseDecodingException e = is(ResponseDecodingException.class, o);
      assertTrue(e.getMessage().contains("larger than the limit of 40 bytes"), e.getMessage());
    }));
    cases.add(new Case("a redirect elsewhere", new MockResponse.Builder().code(302)
        .addHeader("Location", "https://elsewhere.example:8443/steal?token=secret").build(), true, o -> {
          UnexpectedRedirectException e = is(UnexpectedRedirectException.class, o);
          assertEquals("https://elsewhere.example:8443", e.targetOrigin());
          assertEquals(302, e.statusCode());
          assertFalse(e.getMessage().contains("steal") || e.getMessage().contains("secret"), e.getMessage());
        }));
    cases.add(new Case("a relative redirect", new MockResponse.Builder().code(300).addHeader("Location", "/v2/x")
        .build(), true, o -> assertEquals(origin, is(UnexpectedRedirectException.class, o).targetOrigin())));
    cases.add(new Case("a redirect to nowhere", new MockResponse.Builder().code(399).build(), true,
        o -> assertNull(is(UnexpectedRedirectException.class, o).targetOrigin())));
    cases.add(new Case("an unreadable location", new MockResponse.Builder().code(301)
        .addHeader("Location", "http://[::1").build(), true,
        o -> assertEquals("an unreadable location", is(UnexpectedRedirectException.class, o).targetOrigin())));
    cases.add(new Case("a bad request", json(400, "{\"error_code\":\"SFS.TURBO.0001\",\"error_msg\":\"bad\"}"), true,
        o -> assertEquals("SFS.TURBO.0001", is(BadRequestException.class, o).errorCode())));
    cases.add(new Case("not found", json(404, "{\"errCode\":\"SFS.TURBO.0019\",\"errMsg\":\"no job\"}"), true,
        o -> assertEquals("no job", is(ResourceNotFoundException.class, o).errorMessage())));
    cases.add(new Case("throttled for seconds", new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
        .build(), true, o -> assertEquals(Duration.ofSeconds(7), is(ThrottledException.class, o).retryAfter())));
    cases.add(new Case("throttled until a date, read on the client's clock", new MockResponse.Builder().code(429)
        .addHeader("Retry-After", retryAt).build(), true,
        o -> assertEquals(Duration.ofSeconds(30), is(ThrottledException.class, o).retryAfter())));
    cases.add(new Case("a server error", json(503, "{\"error_code\":\"SFS.TURBO.9999\",\"error_msg\":\"busy\"}"), true,
        o -> {
          ServerException e = is(ServerException.class, o);
          assertEquals("req-503", e.requestId());
          assertTrue(e.isRetryable());
        }));
    cases.add(new Case("an error body that breaks off", new MockResponse.Builder().code(500)
        .body("{\"error_code\":\"SFS.TURBO.9999\"," + "x".repeat(100_000) + "}")
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build(), true, o -> {
          TransportException e = is(TransportException.class, o);
          assertTrue(e.getMessage().startsWith(OP + " failed before a response arrived ("), e.getMessage());
        }));
    cases.add(new Case("a job body that breaks off", new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").body(job(JOB_ID) + " ".repeat(100_000))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build(), true,
        o -> assertTrue(is(TransportException.class, o).isRetryable())));
    cases.add(new Case("no response at all", new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(), false, o -> {
          TransportException e = is(TransportException.class, o);
          assertTrue(e.isRetryable());
          assertTrue(e.getMessage().startsWith(OP + " failed before a response arrived ("), e.getMessage());
        }));
    return cases;
  }

  @Test
  void eachAnswerBecomesItsOutcomeReportedOnceSyncAndAsyncAndTheBoundIsDisarmed() throws Exception {
    for (boolean sync : new boolean[] {true, false}) {
      for (Case c : answers()) {
        String name = c.name + (sync ? " (sync)" : " (async)");
        // A body that breaks off needs room to be read: only the "too large" case sets a tight limit.
        long limit = c.name.equals("a body too large") ? 40 : 1 << 20;
        server.enqueue(c.response);
        Heard heard = run(exchange(client(true, null), limit), sync);
        c.check.accept(heard.outcome.get());
        List<String> expected = new ArrayList<>();
        if (sync) {
          expected.add("started");
        }
        if (c.responded) {
          expected.add("responded " + c.response.getCode() + " "
              + c.response.getHeaders().get("X-request-id"));
        }
        expected.add(heard.outcome.get() instanceof JobDetail ? "succeeded" : "failed");
        assertEquals(expected, heard.events, name);
        assertEquals(0, watchdog.armedCount(), name + ": the bound is disarmed");
      }
    }
  }

  @Test
  void failuresBeforeAResponseAreTypedByWhatFailed() throws Exception {
    CredentialsException credentials = new CredentialsException("no credentials", null);
    Object[][] cases = {
        {new SocketTimeoutException("read timed out"), RequestTimeoutException.class,
            OP + " timed out (SocketTimeoutException: read timed out)", true},
        {new IOException(new SSLException("Unsupported or unrecognized SSL message")), TransportException.class,
            OP + " failed: the server answered the TLS handshake in plain HTTP; use an http:// endpoint for a server "
                + "without TLS (IOException: javax.net.ssl.SSLException: Unsupported or unrecognized SSL message)",
            false},
        {new SSLException("handshake_failure"), TransportException.class,
            OP + " failed before a response arrived (SSLException: handshake_failure)", true},
        {new SSLException((String) null), TransportException.class,
            OP + " failed before a response arrived (SSLException)", true},
        {new IOException(), TransportException.class, OP + " failed before a response arrived (IOException)", true},
        {new AuthenticatingInterceptor.Failure(credentials), CredentialsException.class, "no credentials", false},
        {new IllegalStateException("a bug"), SfsTurboException.class,
            OP + " failed unexpectedly: java.lang.IllegalStateException: a bug", false},
    };
    for (boolean sync : new boolean[] {true, false}) {
      for (Object[] c : cases) {
        Throwable thrown = (Throwable) c[0];
        OkHttpClient http = client(true, chain -> {
          if (thrown instanceof IOException) {
            throw (IOException) thrown;
          }
          throw (RuntimeException) thrown;
        });
        Heard heard = run(exchange(http, 1024), sync);
        SfsTurboException e = assertInstanceOf(SfsTurboException.class, heard.outcome.get(), thrown.toString());
        String name = thrown + (sync ? " (sync)" : " (async)");
        assertSame(c[1], e.getClass(), name);
        assertEquals(c[2], e.getMessage(), name);
        assertEquals(c[3], e.isRetryable(), name);
        if (thrown instanceof AuthenticatingInterceptor.Failure) {
          assertSame(credentials, e, "the credentials' own failure, unwrapped");
        } else if (thrown instanceof RuntimeException) {
          assertSame(thrown, e.getCause(), "the bug is the cause, not the guard's wrapper");
        }
        assertFalse(heard.events.stream().anyMatch(s -> s.startsWith("responded")), name);
      }
    }
    assertEquals(0, server.getRequestCount(), "no request reached the server");
  }

  @Test
  void aRuntimeExceptionOfASyncCallWithoutTheGuardIsStillTyped() throws Exception {
    OkHttpClient http = client(false, chain -> {
      throw new IllegalArgumentException("unguarded");
    });
    Heard heard = new Heard();
    Cancellable handle = exchange(http, 1024).start(TimeUnit.SECONDS.toNanos(30), true, heard);
    SfsTurboException e = assertInstanceOf(SfsTurboException.class, heard.outcome.get());
    assertEquals(OP + " failed unexpectedly: java.lang.IllegalArgumentException: unguarded", e.getMessage());
    assertEquals(List.of("started", "failed"), heard.events);
    assertNotNull(handle, "a handle even then");
    handle.cancel();
  }

  @Test
  void aStallDeafToCancellationIsReportedAtTheBoundToAnAsyncCallerOnlyASyncOneHearsOnItsThread()
      throws Exception {
    for (boolean sync : new boolean[] {true, false}) {
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      // An interceptor that neither answers nor hears the cancellation until the test lets it go.
      OkHttpClient http = client(true, chain -> {
        entered.countDown();
        boolean interrupted = false;
        while (true) {
          try {
            release.await();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return chain.proceed(chain.request());
      });
      Heard heard = new Heard();
      ShowJobExchange exchange = exchange(http, 1024);
      Thread caller = new Thread(() -> exchange.start(TimeUnit.MILLISECONDS.toNanos(500), sync, heard));
      caller.start();
      assertTrue(entered.await(20, TimeUnit.SECONDS));
      time.advanceMillis(600);
      if (sync) {
        assertFalse(heard.outcome.isDone(), "a sync caller hears on its own thread, once it is unblocked");
        release.countDown();
        RequestTimeoutException e = assertInstanceOf(RequestTimeoutException.class, heard.await());
        assertNotNull(e.getCause(), "the cancelled call's own failure");
      } else {
        assertTrue(heard.outcome.isDone(), "the bound reports at once");
        RequestTimeoutException e = assertInstanceOf(RequestTimeoutException.class, heard.outcome.get());
        assertNull(e.getCause());
        release.countDown();
      }
      caller.join(20_000);
      while (http.dispatcher().runningCallsCount() > 0) {
        Thread.onSpinWait();
      }
      assertEquals(sync ? List.of("started", "failed") : List.of("failed"), heard.events, sync ? "sync" : "async");
    }
  }

  @Test
  void aStalledAnswerEndsAtTheAttemptsBoundAsATimeoutReportedOnce() throws Exception {
    for (boolean sync : new boolean[] {true, false}) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
      OkHttpClient http = client(true, null);
      Heard heard = new Heard();
      // The clock moves once the request has reached the server: then only the bound can end the exchange.
      Thread mover = new Thread(() -> {
        try {
          assertNotNull(server.takeRequest(20, TimeUnit.SECONDS));
          time.advanceMillis(400);
          assertFalse(heard.outcome.isDone(), "not before its bound");
          time.advanceMillis(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      mover.start();
      exchange(http, 1024).start(TimeUnit.MILLISECONDS.toNanos(500), sync, heard);
      RequestTimeoutException e = assertInstanceOf(RequestTimeoutException.class, heard.await());
      mover.join();
      assertEquals(OP + " got no complete response within 500ms, the bound of this attempt", e.getMessage());
      assertTrue(e.isRetryable());
      // The cancelled call ends on its own thread afterwards; it must not report a second time.
      while (http.dispatcher().runningCallsCount() > 0) {
        Thread.onSpinWait();
      }
      assertEquals(sync ? List.of("started", "failed") : List.of("failed"), heard.events, sync ? "sync" : "async");
      assertEquals(0, watchdog.armedCount());
    }
  }

  @Test
  void theHandleCancelsTheExchangeInFlight() throws Exception {
    for (boolean sync : new boolean[] {true, false}) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
      Heard heard = new Heard();
      Cancellable[] returned = new Cancellable[1];
      Thread canceller = new Thread(() -> {
        try {
          assertNotNull(server.takeRequest(20, TimeUnit.SECONDS));
          Cancellable h = sync ? heard.handle : returned[0];
          while (h == null) {
            Thread.onSpinWait();
            h = sync ? heard.handle : returned[0];
          }
          h.cancel();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      canceller.start();
      returned[0] = exchange(client(true, null), 1024).start(TimeUnit.SECONDS.toNanos(30), sync, heard);
      TransportException e = assertInstanceOf(TransportException.class, heard.await());
      canceller.join();
      assertEquals(OP + " was cancelled", e.getMessage());
      assertEquals(0, watchdog.armedCount());
    }
  }

  @Test
  void eachSendCarriesTheCachedRequestOfItsJobAndAnUnreadRedirectBodyHoldsNoConnection() throws Exception {
    OkHttpClient http = client(true, null);
    JobRequestCache requests = new JobRequestCache(server.url("/"), http, "proj", "ua");
    ShowJobExchange exchange = new ShowJobExchange(http, requests, new JobDecoder(1024), "proj", JOB_ID, watchdog,
        time);
    // A redirect with a page of its own, never read: closed all the same, so the next poll reuses the connection.
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/elsewhere")
        .body("<html>" + "moved ".repeat(10_000) + "</html>").build());
    server.enqueue(json(200, job(JOB_ID)));
    for (boolean sync : new boolean[] {true, false}) {
      run(exchange, sync);
    }
    var first = server.takeRequest();
    var second = server.takeRequest();
    assertEquals("/v1/proj/sfs-turbo/jobs/" + JOB_ID, second.getUrl().encodedPath());
    assertEquals("proj", second.getHeaders().get("X-Project-Id"));
    assertEquals("ua", second.getHeaders().get("User-Agent"));
    assertEquals(first.getConnectionIndex(), second.getConnectionIndex(), "one connection for both");
    assertEquals(1, requests.keptCount(), "one job, one request kept");
  }

  @Test
  void onlyAPlainHttpAnswerToTheHandshakeIsCertainToRepeat() {
    assertTrue(ShowJobExchange.PlainHttpAnswer.isCause(
        new IOException(new IOException(new SSLException("Unsupported or unrecognized SSL message, plaintext")))));
    assertFalse(ShowJobExchange.PlainHttpAnswer.isCause(new IOException("Unsupported or unrecognized SSL message")),
        "only an SSLException says so");
    assertFalse(ShowJobExchange.PlainHttpAnswer.isCause(new SSLException((String) null)));
    assertFalse(ShowJobExchange.PlainHttpAnswer.isCause(null));
  }
}
