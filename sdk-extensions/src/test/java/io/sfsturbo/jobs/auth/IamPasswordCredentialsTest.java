// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import static io.sfsturbo.jobs.testing.SecretAssertions.CANARY;
import static io.sfsturbo.jobs.testing.SecretAssertions.assertNoPartOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    assertEquals("tok-1", c.resolveIdentity().token());
    assertEquals("tok-1", c.resolveIdentity().token());
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
    assertEquals("tok-1", c.resolveIdentity().token());
    clock.now = Instant.parse("2026-11-29T10:55:01Z");
    assertEquals("tok-2", c.resolveIdentity().token(), "renewed 5 min ahead of expiry");
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
        tasks.add(() -> c.resolveIdentity().token());
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
    Rejection rejected = Rejection.of(401, null, null, c.resolveIdentity());
    assertTrue(c.refreshAfterRejection(rejected));
    assertEquals("new", c.resolveIdentity().token());
    assertTrue(c.refreshAfterRejection(rejected), "a late 401 for the old token");
    assertEquals("new", c.resolveIdentity().token(), "does not drop the new one");
    assertEquals(2, iam.getRequestCount());
  }

  @Test
  void iamErrorsAreTypedAndHideThePassword() {
    iam.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}")
        .build());
    IamPasswordCredentials c = creds().build();
    CredentialsException e = assertThrows(CredentialsException.class, () -> c.resolveIdentity());
    assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("username or password is wrong"),
        e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD));
    assertFalse(c.toString().contains(PASSWORD), c.toString());
    iam.enqueue(new MockResponse.Builder().code(201).body("{}").build());
    assertTrue(assertThrows(CredentialsException.class, () -> c.resolveIdentity()).getMessage()
        .contains("X-Subject-Token"));
  }

  @Test
  void aFailedEarlyRenewalKeepsUsingTheValidToken() {
    iam.enqueue(token("tok-1", "2026-11-29T11:00:00Z"));
    iam.enqueue(new MockResponse.Builder().code(503).body("").build());
    iam.enqueue(new MockResponse.Builder().code(503).body("").build());
    IamPasswordCredentials c = creds().build();
    assertEquals("tok-1", c.resolveIdentity().token());
    clock.now = Instant.parse("2026-11-29T10:58:00Z");
    assertEquals("tok-1", c.resolveIdentity().token(), "still valid for 2 minutes");
    clock.now = Instant.parse("2026-11-29T11:00:01Z");
    assertThrows(CredentialsException.class, () -> c.resolveIdentity(), "expired and no new one");
  }

  @Test
  void builderChecks() {
    assertThrows(IllegalArgumentException.class, () -> creds().projectId("x").build(), "two scopes");
    assertThrows(IllegalArgumentException.class, () -> creds().password(" ").build());
    assertThrows(IllegalArgumentException.class, () -> creds().allowInsecureHttp(false).build(), "http IAM");
    assertThrows(IllegalArgumentException.class, () -> creds().refreshMargin(Duration.ofSeconds(-1)));
  }

  static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location).body("").build();
  }

  /** A client that would follow every redirect, to show that the credentials turn that off. */
  static OkHttpClient followingClient() {
    return new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectIsNotFollowedAndNamesOnlyTheTargetsOrigin(int code) throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      elsewhere.enqueue(token("stolen", "2026-11-30T10:00:00Z"));
      iam.enqueue(redirect(code, elsewhere.url("/collect/v3/auth/tokens?pw=leak").toString()));
      IamPasswordCredentials c = creds().httpClient(followingClient()).build();
      CredentialsException e = assertThrows(CredentialsException.class, () -> c.resolveIdentity());
      assertEquals(0, elsewhere.getRequestCount(), "the password went to the redirect's target");
      assertEquals(1, iam.getRequestCount());
      String m = e.getMessage();
      assertTrue(m.contains("HTTP " + code + ", a redirect to " + origin(elsewhere.url("/")) + ";"), m);
      assertFalse(m.contains("/collect") || m.contains("leak"), m);
      assertNoPartOf(PASSWORD, e);
    }
  }

  @Test
  void aRedirectWithoutLocationIsACredentialsFailureToo() {
    iam.enqueue(new MockResponse.Builder().code(302).body("").build());
    CredentialsException e = assertThrows(CredentialsException.class, () -> creds().build().resolveIdentity());
    assertTrue(e.getMessage().contains("HTTP 302, a redirect without a Location header"), e.getMessage());
  }

  /** Subject tokens with a character that cannot be sent back: CR, NUL, DEL, a non-ASCII letter, a tab, U+0001. */
  @ParameterizedTest
  @ValueSource(strings = {CANARY + "\rX", CANARY + "\u0000X", CANARY + "\u007f", "CANARY-\u00e9-SECRET-7f3a",
      "CANARY-SECRET\t7f3a", "CANARY-SECRET\u00017f3a"})
  void aSubjectTokenThatCannotBeSentIsRefusedWithoutShowingIt(String bad) {
    iam.enqueue(new MockResponse.Builder().code(201).addHeaderLenient("X-Subject-Token", bad)
        .body("{\"token\":{\"expires_at\":\"2026-11-30T10:00:00Z\"}}").build());
    CredentialsException e = assertThrows(CredentialsException.class, () -> creds().build().resolveIdentity());
    assertTrue(e.getMessage().startsWith("the IAM token from the X-Subject-Token header of IAM's response contains "),
        e.getMessage());
    assertNoPartOf(bad, e);
  }

  @Test
  void aBodyLargerThanTheCapIsNotRead() {
    String json = "{\"token\":{\"expires_at\":\"2026-11-30T10:00:00Z\"}}";
    StringBuilder exact = new StringBuilder(json);
    while (exact.length() < io.sfsturbo.jobs.internal.auth.IamTokenRequest.MAX_RESPONSE_BYTES) {
      exact.append(' ');
    }
    iam.enqueue(new MockResponse.Builder().code(201).addHeader("X-Subject-Token", "tok-at-cap").body(exact.toString())
        .build());
    assertEquals("tok-at-cap", creds().build().resolveIdentity().token(), "64 KiB is read");

    iam.enqueue(new MockResponse.Builder().code(201).addHeader("X-Subject-Token", "tok").body(exact + " ").build());
    CredentialsException e = assertThrows(CredentialsException.class, () -> creds().build().resolveIdentity());
    assertTrue(e.getMessage().contains("larger than 64 KiB"), e.getMessage());
  }

  @Test
  void serverTextInAMessageIsEscapedAndCapped() {
    StringBuilder longTail = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      longTail.append('x');
    }
    iam.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .body("{\"error\":{\"code\":401,\"message\":\"wrong\\r\\n[INFO] forged \\u001b[31m\\u0085" + longTail
            + "\",\"title\":\"Unauthorized\"}}").build());
    String m = assertThrows(CredentialsException.class, () -> creds().build().resolveIdentity()).getMessage();
    assertTrue(m.contains("wrong\\u000d\\u000a[INFO] forged \\u001b[31m\\u0085xxx"), m);
    for (char c : m.toCharArray()) {
      assertFalse(c < 0x20 || (c >= 0x7f && c <= 0x9f), () -> "a raw control character in " + m);
    }
    assertTrue(m.contains("x…(cut, "), m);
    assertTrue(m.length() < 500, m.length() + " characters: " + m);
  }

  @Test
  void withHttpClientSendsTokenCallsThroughTheGivenClient() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    OkHttpClient given = followingClient().newBuilder()
        .addInterceptor(chain -> {
          calls.incrementAndGet();
          return chain.proceed(chain.request());
        })
        .build();
    IamPasswordCredentials base = creds().build();
    IamPasswordCredentials derived = base.withHttpClient(given);
    assertNotSame(base, derived);
    iam.enqueue(token("via-given", "2026-11-30T10:00:00Z"));
    assertEquals("via-given", derived.resolveIdentity().token());
    assertEquals(1, calls.get());
    JsonObject user = JsonParser.parseString(iam.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).getAsJsonObject()
        .getAsJsonObject("auth").getAsJsonObject("identity").getAsJsonObject("password").getAsJsonObject("user");
    assertEquals("alice", user.get("name").getAsString(), "same settings");
    assertEquals(PASSWORD, user.get("password").getAsString());

    iam.enqueue(token("via-own", "2026-11-30T10:00:00Z"));
    assertEquals("via-own", base.resolveIdentity().token(), "the original keeps its own client");
    assertEquals(1, calls.get());

    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      iam.enqueue(redirect(307, elsewhere.url("/").toString()));
      assertThrows(CredentialsException.class, () -> base.withHttpClient(given).resolveIdentity());
      assertEquals(0, elsewhere.getRequestCount(), "the given client's redirect setting is overridden");
      assertEquals(2, calls.get());
    }
  }

  @Test
  void withHttpClientKeepsAClientTheBuilderSet() {
    IamPasswordCredentials explicit = creds().httpClient(new OkHttpClient()).build();
    assertSame(explicit, explicit.withHttpClient(new OkHttpClient()));
  }
}
