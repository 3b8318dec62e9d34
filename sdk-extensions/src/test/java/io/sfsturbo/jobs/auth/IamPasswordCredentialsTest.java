// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sfsturbo.jobs.errors.CredentialsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class IamPasswordCredentialsTest {
  static final String PASSWORD = "p@ssw0rd-canary";
  MockWebServer iam;
  final MovableClock clock = new MovableClock();
  final Request request = new Request.Builder().url("https://sfs-turbo.eu-de.otc.t-systems.com/v1/p/sfs-turbo/jobs/j").build();

  static final class MovableClock extends Clock {
    volatile Instant now = Instant.parse("2026-11-29T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void start() throws Exception {
    iam = new MockWebServer();
    iam.start();
  }

  @AfterEach
  void stop() {
    iam.close();
  }

  static MockResponse token(String token, String expiresAt) {
    return new MockResponse.Builder().code(201).addHeader("X-Subject-Token", token)
        .addHeader("Content-Type", "application/json")
        .body("{\"token\":{\"expires_at\":\"" + expiresAt + "\",\"methods\":[\"password\"]}}").build();
  }

  IamPasswordCredentials.Builder creds() {
    return IamPasswordCredentials.builder().iamEndpoint(iam.url("/").uri()).allowInsecureHttp(true)
        .userName("alice").password(PASSWORD).domainName("acme").projectName("eu-de").clock(clock);
  }

  @Test
  void fetchesCachesAndRenewsAheadOfExpiry() throws Exception {
    iam.enqueue(token("tok-1", "2026-11-29T11:00:00.527363Z"));
    iam.enqueue(token("tok-2", "2026-11-30T10:00:00Z"));
    IamPasswordCredentials c = creds().build();
    assertEquals("tok-1", c.authenticate(request).header("X-Auth-Token"));
    assertEquals("tok-1", c.authenticate(request).header("X-Auth-Token"));
    assertEquals(1, iam.getRequestCount());

    RecordedRequest r = iam.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("POST", r.getMethod());
    assertEquals("/v3/auth/tokens?nocatalog=true", r.getTarget());
    JsonObject auth = JsonParser.parseString(r.getBody().utf8()).getAsJsonObject().getAsJsonObject("auth");
    JsonObject user = auth.getAsJsonObject("identity").getAsJsonObject("password").getAsJsonObject("user");
    assertEquals("password", auth.getAsJsonObject("identity").getAsJsonArray("methods").get(0).getAsString());
    assertEquals("alice", user.get("name").getAsString());
    assertEquals(PASSWORD, user.get("password").getAsString());
    assertEquals("acme", user.getAsJsonObject("domain").get("name").getAsString());
    assertEquals("eu-de", auth.getAsJsonObject("scope").getAsJsonObject("project").get("name").getAsString());

    clock.now = Instant.parse("2026-11-29T10:54:59Z");
    assertEquals("tok-1", c.authenticate(request).header("X-Auth-Token"));
    clock.now = Instant.parse("2026-11-29T10:55:01Z");
    assertEquals("tok-2", c.authenticate(request).header("X-Auth-Token"), "renewed 5 min ahead of expiry");
    assertEquals(2, iam.getRequestCount());
  }

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    iam.enqueue(token("shared", "2026-11-30T10:00:00Z").newBuilder().headersDelay(300, TimeUnit.MILLISECONDS).build());
    IamPasswordCredentials c = creds().build();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Callable<String>> tasks = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        tasks.add(() -> c.authenticate(request).header("X-Auth-Token"));
      }
      Set<String> tokens = new HashSet<>();
      for (Future<String> f : pool.invokeAll(tasks)) {
        tokens.add(f.get());
      }
      assertEquals(java.util.Collections.singleton("shared"), tokens);
      assertEquals(1, iam.getRequestCount());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectionDropsOnlyTheTokenThatWasSent() throws Exception {
    iam.enqueue(token("old", "2026-11-30T10:00:00Z"));
    iam.enqueue(token("new", "2026-11-30T10:00:00Z"));
    IamPasswordCredentials c = creds().build();
    Request sent = c.authenticate(request);
    okhttp3.Response rejected = new okhttp3.Response.Builder().request(sent).protocol(okhttp3.Protocol.HTTP_1_1)
        .code(401).message("Unauthorized").build();
    assertTrue(c.refreshAfterRejection(rejected));
    assertEquals("new", c.authenticate(request).header("X-Auth-Token"));
    assertTrue(c.refreshAfterRejection(rejected), "a late 401 for the old token");
    assertEquals("new", c.authenticate(request).header("X-Auth-Token"), "does not drop the new one");
    assertEquals(2, iam.getRequestCount());
  }

  @Test
  void iamErrorsAreTypedAndHideThePassword() {
    iam.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}")
        .build());
    IamPasswordCredentials c = creds().build();
    CredentialsException e = assertThrows(CredentialsException.class, () -> c.authenticate(request));
    assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("username or password is wrong"),
        e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD));
    assertFalse(c.toString().contains(PASSWORD), c.toString());
    iam.enqueue(new MockResponse.Builder().code(201).body("{}").build());
    assertTrue(assertThrows(CredentialsException.class, () -> c.authenticate(request)).getMessage()
        .contains("X-Subject-Token"));
  }

  @Test
  void aFailedEarlyRenewalKeepsUsingTheValidToken() {
    iam.enqueue(token("tok-1", "2026-11-29T11:00:00Z"));
    iam.enqueue(new MockResponse.Builder().code(503).body("").build());
    iam.enqueue(new MockResponse.Builder().code(503).body("").build());
    IamPasswordCredentials c = creds().build();
    assertEquals("tok-1", c.authenticate(request).header("X-Auth-Token"));
    clock.now = Instant.parse("2026-11-29T10:58:00Z");
    assertEquals("tok-1", c.authenticate(request).header("X-Auth-Token"), "still valid for 2 minutes");
    clock.now = Instant.parse("2026-11-29T11:00:01Z");
    assertThrows(CredentialsException.class, () -> c.authenticate(request), "expired and no new one");
  }

  @Test
  void builderChecks() {
    assertThrows(IllegalArgumentException.class, () -> creds().projectId("x").build(), "two scopes");
    assertThrows(IllegalArgumentException.class, () -> creds().password(" ").build());
    assertThrows(IllegalArgumentException.class, () -> creds().allowInsecureHttp(false).build(), "http IAM");
    assertThrows(IllegalArgumentException.class, () -> creds().refreshMargin(Duration.ofSeconds(-1)));
  }
}
