// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.CallOptions;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.UnexpectedRedirectException;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile or broken server answers, and what the SDK makes of it: redirects are never
 * followed (so credentials go nowhere else), ambiguous, misrouted or empty documents are refused,
 * bodies are read only up to a limit, and server text in messages is escaped and capped.
 */
class HostileResponsesTest {
  private MockService service;
  private MockWebServer elsewhere;

  @BeforeEach
  void start() throws Exception {
    service = new MockService();
    elsewhere = new MockWebServer();
    elsewhere.start();
  }

  @AfterEach
  void stop() {
    service.close();
    elsewhere.close();
  }

  private static void assertNoControlCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      assertFalse(c < 0x20 || (c >= 0x7f && c <= 0x9f), "raw U+" + Integer.toHexString(c) + " at " + i + " in: " + text);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectIsNeverFollowedAndCarriesNoSecretElsewhere(int code) throws Exception {
    // Another port, and another host name for the same machine: neither may see the token.
    String target = "http://localhost:" + elsewhere.getPort() + "/v1/steal?token=abc";
    service.enqueue(new MockResponse.Builder().code(code).addHeader("Location", target).build());
    elsewhere.enqueue(MockService.json(200, "{\"job_id\":\"j\",\"status\":\"success\"}"));
    try (SfsTurboJobsClient client = service.clientBuilder().build()) {
      UnexpectedRedirectException e = assertThrows(UnexpectedRedirectException.class, () -> client.showJobDetail("j"));
      assertEquals(code, e.statusCode());
      assertEquals("http://localhost:" + elsewhere.getPort(), e.targetOrigin());
      assertFalse(e.getMessage().contains("token=abc"), e.getMessage());
      assertFalse(e.isRetryable());
    }
    assertEquals(1, service.server.getRequestCount(), "not retried");
    assertEquals(0, elsewhere.getRequestCount(), "nothing was sent to the redirect target");
  }

  @Test
  void aRedirectIsNotFollowedOnAUsersOkHttpClientNorWithAkSkNorInAWait() throws Exception {
    String target = "http://127.0.0.1:" + elsewhere.getPort() + "/";
    for (int i = 0; i < 3; i++) {
      service.enqueue(new MockResponse.Builder().code(302).addHeader("Location", target).build());
    }
    OkHttpClient following = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();
    try (SfsTurboJobsClient client = service.clientBuilder().httpConfiguration(h -> h.httpClient(following))
        .credentials(AkSkCredentials.temporary("AKCANARY", "SK-CANARY-SECRET", "ST-CANARY-TOKEN")).build()) {
      assertThrows(UnexpectedRedirectException.class, () -> client.showJobDetail("j"));
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> client.showJobDetailAsync("j").get(10, TimeUnit.SECONDS));
      assertInstanceOf(UnexpectedRedirectException.class, async.getCause());
      assertThrows(UnexpectedRedirectException.class, () -> client.waiter().waitFor("j",
          WaitOptions.builder().pollInterval(Duration.ofMillis(10)).build()));
    } finally {
      following.dispatcher().executorService().shutdown();
    }
    assertEquals(0, elsewhere.getRequestCount());
  }

  @Test
  void aUsersAuthenticatorCannotSendTheRequestElsewhere() throws Exception {
    service.enqueue(MockService.error(401, "APIGW.0301"));
    OkHttpClient rerouting = new OkHttpClient.Builder().authenticator((route, response) ->
        response.request().newBuilder().url(elsewhere.url("/reroute")).build()).build();
    try (SfsTurboJobsClient client = service.clientBuilder().httpConfiguration(h -> h.httpClient(rerouting)).build()) {
      ServiceException e = assertThrows(ServiceException.class, () -> client.showJobDetail("j"));
      assertEquals(401, e.statusCode());
    } finally {
      rerouting.dispatcher().executorService().shutdown();
    }
    assertEquals(0, elsewhere.getRequestCount());
  }

  @Test
  void duplicateKeysMakeADocumentAmbiguousAndItIsRefused() throws Exception {
    service.enqueue(MockService.json(200, "{\"job_id\":\"j\",\"status\":\"failed\",\"status\":\"success\"}"));
    try (SfsTurboJobsClient client = service.clientBuilder().overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      ResponseDecodingException e = assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j"));
      assertTrue(e.getMessage().contains("'status' twice"), e.getMessage());
    }
  }

  @Test
  void aWaitToleratesAnAmbiguousDocumentAsATransientFailure() throws Exception {
    service.enqueue(MockService.json(200, "{\"job_id\":\"j\",\"status\":\"failed\",\"status\":\"success\"}"));
    service.enqueueJob("j", "success");
    try (SfsTurboJobsClient client = service.clientBuilder().build()) {
      WaitResult r = client.waiter().waitFor("j", WaitOptions.builder().pollInterval(Duration.ofMillis(10))
          .build());
      assertEquals(2, r.polls());
    }
  }

  @Test
  void anotherJobsAnswerIsRefused() throws Exception {
    service.enqueueJob("someone-else", "success");
    try (SfsTurboJobsClient client = service.clientBuilder().overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      ResponseDecodingException e = assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j"));
      assertTrue(e.getMessage().contains("someone-else"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"job_id\":\"j\"}", "{\"status\":\"success\"}", "{\"job_id\":\"j\",\"status\":null}"})
  void a200ThatIsNotAJobIsRefused(String body) throws Exception {
    service.enqueue(MockService.json(200, body));
    try (SfsTurboJobsClient client = service.clientBuilder().overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      ResponseDecodingException e = assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j"));
      assertTrue(e.getMessage().contains("not a job"), e.getMessage());
    }
  }

  @Test
  void anUndocumentedSpellingOfADocumentedStatusIsThatStatus() throws Exception {
    service.enqueueJob("j", "SUCCESS");
    try (SfsTurboJobsClient client = service.clientBuilder().build()) {
      JobDetail job = client.showJobDetail("j");
      assertTrue(job.isSuccess());
      assertEquals("SUCCESS", job.statusAsString());
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedWithOrWithoutContentLength() throws Exception {
    String big = "{\"job_id\":\"j\",\"status\":\"running\",\"x\":\"" + repeat('a', 5 * 1024 * 1024) + "\"}";
    service.enqueue(MockService.json(200, big));
    service.enqueue(MockService.json(200, big).newBuilder().chunkedBody(big, 64 * 1024).build());
    try (SfsTurboJobsClient client = service.clientBuilder().overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      for (int i = 0; i < 2; i++) {
        ResponseDecodingException e = assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j"));
        assertTrue(e.getMessage().contains("larger than the limit of 4194304 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("maxResponseBytes"), e.getMessage());
        assertTrue(e.rawBody().length() <= ServiceException.MAX_RAW_BODY_CHARS + 20);
      }
    }
  }

  @Test
  void theLimitIsCountedAfterDecompression() throws Exception {
    // 64 MB of JSON that compresses to well under 1 MB: the limit must hold on the inflated bytes.
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write("{\"job_id\":\"j\",\"status\":\"running\",\"x\":\"".getBytes("UTF-8"));
      byte[] chunk = repeat('a', 1024 * 1024).getBytes("UTF-8");
      for (int i = 0; i < 64; i++) {
        gzip.write(chunk);
      }
      gzip.write("\"}".getBytes("UTF-8"));
    }
    assertTrue(compressed.size() < 1024 * 1024, "compressed " + compressed.size());
    service.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Content-Encoding", "gzip").body(new Buffer().write(compressed.toByteArray())).build());
    try (SfsTurboJobsClient client = service.clientBuilder().overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      ResponseDecodingException e = assertThrows(ResponseDecodingException.class, () -> client.showJobDetail("j"));
      assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
    }
  }

  @Test
  void aLimitCanBeRaisedForLargerDocuments() throws Exception {
    String big = "{\"job_id\":\"j\",\"status\":\"running\",\"x\":\"" + repeat('a', 5 * 1024 * 1024) + "\"}";
    service.enqueue(MockService.json(200, big));
    try (SfsTurboJobsClient client = service.clientBuilder().httpConfiguration(h -> h.maxResponseBytes(8L * 1024 * 1024)).build()) {
      assertEquals("running", client.showJobDetail("j").status().value());
    }
  }

  @Test
  void serverTextInMessagesIsEscapedAndCapped() throws Exception {
    // 50 000 characters fit in the 64 KiB read of an error body; the message keeps a few hundred.
    String hostile = "\u001b]0;pwned\u0007\r\nerror: forged line \u009b31m" + repeat('x', 50_000);
    service.enqueue(MockService.json(400, "{\"errCode\":\"SFS.TURBO.0001\",\"errMsg\":\"" + hostile.replace("\u001b",
        "\\u001b").replace("\u0007", "\\u0007").replace("\r", "\\r").replace("\n", "\\n") + "\"}")
        .newBuilder().removeHeader("X-request-id").addHeaderLenient("X-request-id", "rid-\u0085-\u009b2J\u001b[2J")
        .build());
    try (SfsTurboJobsClient client = service.clientBuilder().build()) {
      ServiceException e = assertThrows(ServiceException.class, () -> client.showJobDetail("j"));
      assertNoControlCharacters(e.getMessage());
      assertTrue(e.getMessage().contains("\\u001b]0;pwned"), e.getMessage());
      assertTrue(e.getMessage().contains("rid-\\u0085-\\u009b2J\\u001b[2J"), e.getMessage());
      assertTrue(e.getMessage().length() < 1_000, "message of " + e.getMessage().length() + " characters");
    }
  }

  @Test
  void aFailedJobsMessageEscapesServerTextAndStaysShort() throws Exception {
    StringBuilder subs = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      subs.append(i == 0 ? "" : ",").append("{\"job_id\":\"s").append(i).append("\",\"status\":\"failed\","
          + "\"error_code\":\"E\\u001b[2J\",\"fail_reason\":\"").append(repeat('r', 2_000)).append("\"}");
    }
    service.enqueue(MockService.json(200, "{\"job_id\":\"j\",\"status\":\"failed\",\"job_type\":\"bind\\r\\nStatus success\","
        + "\"error_code\":\"SFS.TURBO.0038\",\"fail_reason\":\"\\u001b]0;pwned\\u0007" + repeat('x', 5_000)
        + "\",\"sub_jobs\":[" + subs + "]}"));
    try (SfsTurboJobsClient client = service.clientBuilder().build()) {
      io.sfsturbo.jobs.waiter.JobFailedException e = assertThrows(io.sfsturbo.jobs.waiter.JobFailedException.class,
          () -> client.waiter().waitFor("j", WaitOptions.defaults()));
      assertNoControlCharacters(e.getMessage());
      assertTrue(e.getMessage().contains("bind\\u000d\\u000aStatus success"), e.getMessage());
      assertTrue(e.getMessage().contains("and 995 more"), e.getMessage());
      assertTrue(e.getMessage().length() < 5_000, "message of " + e.getMessage().length() + " characters");
      assertEquals(1_000, e.job().failedSubJobs().size(), "the job itself keeps everything");
    }
  }

  @Test
  void aHugeErrorBodyIsReadOnlyInPart() throws Exception {
    service.enqueue(MockService.json(500, "{\"errCode\":\"SFS.TURBO.0005\",\"errMsg\":\"" + repeat('x', 10 * 1024 * 1024)
        + "\"}"));
    try (SfsTurboJobsClient client = service.clientBuilder().overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      ServiceException e = assertThrows(ServiceException.class, () -> client.showJobDetail("j"));
      assertEquals(500, e.statusCode());
      assertTrue(e.getMessage().length() < 1_000, "message of " + e.getMessage().length() + " characters");
      assertTrue(e.rawBody().length() <= ServiceException.MAX_RAW_BODY_CHARS + 20);
    }
  }

  @Test
  void anErrorBodyThatNeverEndsIsReadOnlyUpToItsCap() throws Exception {
    try (HostileServer server = HostileServer.start(HostileServer.endlessErrorBody(500));
         SfsTurboJobsClient client = SfsTurboJobsClient.builder().endpoint(server.url()).httpConfiguration(h -> h.allowInsecureHttp(true))
             .projectId("p").credentials(TokenCredentials.of("t")).overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
             .overrideConfiguration(o -> o.attemptTimeout(Duration.ofSeconds(20))).build()) {
      // Read whole, the body would end the call only at the attempt's bound, as a timeout.
      ServiceException e = assertThrows(ServiceException.class, () -> client.showJobDetail("j"));
      assertEquals(500, e.statusCode());
      assertTrue(e.rawBody().length() <= ServiceException.MAX_RAW_BODY_CHARS + 20);
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> client.showJobDetailAsync("j").get(30, TimeUnit.SECONDS));
      assertEquals(500, assertInstanceOf(ServiceException.class, async.getCause(), "async ends the same way")
          .statusCode());
    }
  }

  @Test
  void anEndpointWithUserInfoIsRefusedWithoutEchoingThePassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SfsTurboJobsClient.builder()
        .endpoint("https://admin:CANARY-PASSWORD-81@sfs-turbo.example.com").projectId("p")
        .credentials(TokenCredentials.of("t")).build());
    assertFalse(e.getMessage().contains("CANARY-PASSWORD-81"), e.getMessage());
    assertTrue(e.getMessage().contains("user info"), e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> SfsTurboJobsClient.builder().endpoint("https://admin:CANARY PASSWORD@host"));
    assertFalse(bad.getMessage().contains("CANARY"), bad.getMessage());
  }

  @Test
  void aClosedClientRefusesAtOnceAndEndsRunningWaits() throws Exception {
    for (int i = 0; i < 5; i++) {
      service.enqueueJob("j", "running");
    }
    SfsTurboJobsClient client = SfsTurboJobsClient.builder().endpoint(service.server.url("/").uri())
        .httpConfiguration(h -> h.allowInsecureHttp(true)).projectId(MockService.PROJECT).credentials(TokenCredentials.of(MockService.TOKEN))
        .build();
    CompletableFuture<WaitResult> wait = client.waiter().waitForAsync("j",
        WaitOptions.builder().pollInterval(Duration.ofSeconds(30)).build());
    assertTrue(service.server.takeRequest(5, TimeUnit.SECONDS) != null, "first poll");
    long start = System.nanoTime();
    client.close();
    ExecutionException e = assertThrows(ExecutionException.class, () -> wait.get(5, TimeUnit.SECONDS));
    assertInstanceOf(ClientClosedException.class, e.getCause());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000);
    assertEquals("client is closed", assertThrows(IllegalStateException.class, () -> client.showJobDetail("j"))
        .getMessage());
    assertThrows(IllegalStateException.class, () -> client.showJobDetailAsync("j"));
    assertThrows(IllegalStateException.class, () -> client.waiter().waitFor("j", WaitOptions.defaults()));
    client.close();
  }

  @Test
  void aBadTokenFromASupplierFailsWithTheSameTypeSyncAndAsync() throws Exception {
    try (SfsTurboJobsClient client = service.clientBuilder().credentials(TokenCredentials.fromSupplier(() -> " "))
        .build()) {
      SfsTurboException sync = assertThrows(SfsTurboException.class, () -> client.showJobDetail("j"));
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> client.showJobDetailAsync("j").get(10, TimeUnit.SECONDS));
      assertInstanceOf(CredentialsException.class, sync);
      assertEquals(sync.getClass(), async.getCause().getClass());
    }
    assertEquals(0, service.server.getRequestCount(), "nothing sent, nothing retried");
  }

  @Test
  void anUnreachableIamEndpointFailsWithTheSameTypeSyncAndAsync() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    io.sfsturbo.jobs.auth.IamPasswordCredentials iam = io.sfsturbo.jobs.auth.IamPasswordCredentials.builder()
        .iamEndpoint(java.net.URI.create("http://127.0.0.1:" + closedPort)).allowInsecureHttp(true).userName("alice")
        .password("canary-password-1f").domainName("acme").projectName("eu-de").build();
    try (SfsTurboJobsClient client = service.clientBuilder().credentials(iam).build()) {
      SfsTurboException sync = assertThrows(SfsTurboException.class, () -> client.showJobDetail("j"));
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> client.showJobDetailAsync("j").get(10, TimeUnit.SECONDS));
      assertInstanceOf(CredentialsException.class, sync);
      assertEquals(sync.getClass(), async.getCause().getClass());
    }
    assertEquals(0, service.server.getRequestCount());
  }

  @Test
  void aCallBudgetIsSetPerCall() throws Exception {
    for (int i = 0; i < 10; i++) {
      service.enqueue(MockService.error(503, "SFS.TURBO.0005"));
    }
    try (SfsTurboJobsClient client = SfsTurboJobsClient.builder().endpoint(service.server.url("/").uri())
        .httpConfiguration(h -> h.allowInsecureHttp(true)).projectId(MockService.PROJECT).credentials(TokenCredentials.of(MockService.TOKEN))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.builder().maxAttempts(10).baseDelay(Duration.ofMillis(300))
            .maxDelay(Duration.ofMillis(300)).build())).build()) {
      long start = System.nanoTime();
      io.sfsturbo.jobs.errors.RequestTimeoutException e = assertThrows(
          io.sfsturbo.jobs.errors.RequestTimeoutException.class,
          () -> client.showJobDetail("j", CallOptions.builder().callTimeout(Duration.ofSeconds(1)).build()));
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(ms < 2_000, "took " + ms + " ms");
      assertInstanceOf(ServiceException.class, e.getCause());
      assertTrue(e.getMessage().contains("budget of 1s"), e.getMessage());
    }
  }

  private static String repeat(char c, int n) {
    char[] a = new char[n];
    java.util.Arrays.fill(a, c);
    return new String(a);
  }
}
