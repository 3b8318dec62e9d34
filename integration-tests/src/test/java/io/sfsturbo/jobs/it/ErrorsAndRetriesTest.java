// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static io.sfsturbo.jobs.it.MockService.error;
import static io.sfsturbo.jobs.it.MockService.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.AuthenticationException;
import io.sfsturbo.jobs.errors.PermissionDeniedException;
import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ErrorsAndRetriesTest {
  MockService service;
  SfsTurboJobsClient client;

  @BeforeEach
  void start() throws Exception {
    service = new MockService();
    client = service.clientBuilder().build();
  }

  @AfterEach
  void stop() {
    client.close();
    service.close();
  }

  @Test
  void transientStatusesAreRetriedWithBackoffThenSucceed() {
    service.enqueue(error(503, "SFS.TURBO.0005"));
    service.enqueue(error(502, "SFS.TURBO.0005"));
    service.enqueueJob("j", "running");
    JobDetail job = client.showJobDetail("j");
    assertEquals(JobStatus.RUNNING, job.status());
    assertEquals(3, service.server.getRequestCount());
    // defaults: base 200 ms doubling, full jitter drawn at 0.5
    assertEquals(java.util.Arrays.asList(Duration.ofMillis(100), Duration.ofMillis(200)), service.sleeps());
  }

  @Test
  void exhaustedRetriesKeepEveryAttemptsFailure() {
    for (int i = 0; i < 3; i++) {
      service.enqueue(error(500, "SFS.TURBO.0005"));
    }
    ServerException e = assertThrows(ServerException.class, () -> client.showJobDetail("j"));
    assertEquals(3, service.server.getRequestCount());
    assertEquals(2, e.getSuppressed().length);
    assertInstanceOf(ServerException.class, e.getSuppressed()[0]);
  }

  @Test
  void retryAfterIsHonoured() {
    service.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3")
        .addHeader("Content-Type", "application/json")
        .body("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}").build());
    service.enqueueJob("j", "success");
    assertEquals(JobStatus.SUCCESS, client.showJobDetail("j").status());
    assertEquals(java.util.Collections.singletonList(Duration.ofSeconds(3)), service.sleeps());
  }

  @Test
  void tooLongRetryAfterSurfacesAsThrottled() {
    service.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").body("").build());
    ThrottledException e = assertThrows(ThrottledException.class, () -> client.showJobDetail("j"));
    assertEquals(Duration.ofHours(1), e.retryAfter());
    assertEquals(1, service.server.getRequestCount());
  }

  @Test
  void clientErrorsAreNeverRetried() {
    service.enqueue(error(404, "SFS.TURBO.0019"));
    ResourceNotFoundException nf = assertThrows(ResourceNotFoundException.class, () -> client.showJobDetail("j"));
    assertEquals(SfsTurboErrorCode.INVALID_JOB_ID, nf.knownErrorCode());
    service.enqueue(json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"token expired\",\"request_id\":\"g1\"}"));
    AuthenticationException auth = assertThrows(AuthenticationException.class, () -> client.showJobDetail("j"));
    assertEquals("APIGW.0301", auth.errorCode());
    service.enqueue(error(403, "SFS.TURBO.0015"));
    assertThrows(PermissionDeniedException.class, () -> client.showJobDetail("j"));
    assertEquals(3, service.server.getRequestCount());
    assertTrue(service.sleeps().isEmpty());
  }

  @Test
  void connectionResetIsATransportFailureAndIsRetried() {
    service.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    service.enqueueJob("j", "success");
    assertEquals(JobStatus.SUCCESS, client.showJobDetail("j").status());
    assertEquals(1, service.sleeps().size());
  }

  @Test
  void persistentResetsEndInATransportException() {
    SfsTurboJobsClient noRetry = service.clientBuilder().overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
    service.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    TransportException e = assertThrows(TransportException.class, () -> noRetry.showJobDetail("j"));
    assertTrue(e.getMessage().contains("job 'j'"), e.getMessage());
    noRetry.close();
  }

  @Test
  void cutBodyIsRetried() {
    service.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"job_id\":\"j\",\"status\":\"success\",\"job_type\":\"bind_ldap\"}")
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    service.enqueueJob("j", "success");
    assertEquals(JobStatus.SUCCESS, client.showJobDetail("j").status());
    assertEquals(2, service.server.getRequestCount());
  }

  @Test
  void readTimeoutIsARequestTimeout() {
    SfsTurboJobsClient impatient = service.clientBuilder().httpConfiguration(h -> h.readTimeout(Duration.ofMillis(200)))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
    service.enqueue(json(200, "{}").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    assertThrows(RequestTimeoutException.class, () -> impatient.showJobDetail("j"));
    impatient.close();
  }

  @Test
  void undecodableSuccessBodiesAreDecodingErrors() {
    service.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .addHeader("X-request-id", "html-1").body("<html>maintenance</html>").build());
    ResponseDecodingException html = assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j"));
    assertEquals("html-1", html.requestId());
    assertTrue(html.getMessage().contains("text/html"), html.getMessage());
    assertTrue(html.rawBody().contains("maintenance"));

    service.enqueue(json(200, "{\"job_id\": \"j\", \"status\": "));
    assertTrue(assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j")).getMessage()
        .contains("not valid JSON"));

    service.enqueue(json(200, ""));
    assertTrue(assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j")).getMessage()
        .contains("empty"));

    service.enqueue(json(200, "[1,2]"));
    assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j"));

    service.enqueue(json(200, "{\"status\":{\"nested\":true}}"));
    assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j"));
    assertTrue(service.sleeps().isEmpty(), "decoding errors are not retried");
  }

  @Test
  void asyncRetriesWithoutBlockingAndFailsTyped() throws Exception {
    service.enqueue(error(503, "SFS.TURBO.0005"));
    service.enqueueJob("j", "waiting");
    assertEquals(JobStatus.WAITING, client.showJobDetailAsync("j").get(10, TimeUnit.SECONDS).status());
    assertEquals(2, service.server.getRequestCount());

    service.enqueue(error(400, "SFS.TURBO.0001"));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client.showJobDetailAsync("j").get(10, TimeUnit.SECONDS));
    assertInstanceOf(io.sfsturbo.jobs.errors.BadRequestException.class, e.getCause());
  }

  @Test
  void cancellingAnAsyncCallCancelsTheRequest() throws Exception {
    // OkHttp tells its event listener when a call is cancelled: the proof that the exchange, not only the
    // future, was stopped (the server holds its answer for 5 s; a call left running would end only then).
    CountDownLatch cancelled = new CountDownLatch(1);
    OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void canceled(Call call) {
        cancelled.countDown();
      }
    }).build();
    try (SfsTurboJobsClient own = service.clientBuilder().httpConfiguration(h -> h.httpClient(http)).build()) {
      service.enqueue(json(200, "{}").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
      CompletableFuture<JobDetail> future = own.showJobDetailAsync("j");
      assertEquals("/v1/proj-1/sfs-turbo/jobs/j",
          service.server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath());
      assertTrue(future.cancel(true));
      assertTrue(future.isCancelled());
      assertTrue(cancelled.await(2, TimeUnit.SECONDS), "the HTTP call was not cancelled");
      assertEquals(0, waitForIdle(http), "calls still running");
      assertEquals(1, service.server.getRequestCount());
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  private static int waitForIdle(OkHttpClient http) throws InterruptedException {
    for (int i = 0; i < 2_000 && http.dispatcher().runningCallsCount() > 0; i++) {
      Thread.sleep(1);
    }
    return http.dispatcher().runningCallsCount();
  }

}
