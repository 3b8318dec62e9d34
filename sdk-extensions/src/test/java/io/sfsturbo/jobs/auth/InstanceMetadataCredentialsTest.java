// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import static io.sfsturbo.jobs.testing.SecretAssertions.assertNoPartOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.testing.Envs;
import io.sfsturbo.jobs.testing.FakeTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The metadata service's steps, document and time format as the facts describe them, against a scripted server. */
@Timeout(20)
class InstanceMetadataCredentialsTest {
  static final String SK = "Zq7kW3xV9pL2mN8rCANARY";
  static final String STS = "Jx4yTb6QwE1uRo0iCANARY";
  MockWebServer server;
  final FakeTime time = FakeTime.manual().at(Instant.parse("2026-05-01T12:00:00Z"));

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String document(String ak, String expiresAt) {
    return "{\"credential\":{\"access\":\"" + ak + "\",\"secret\":\"" + SK + "\",\"securitytoken\":\"" + STS
        + "\",\"expires_at\":\"" + expiresAt + "\"}}";
  }

  static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  InstanceMetadataCredentials credentials() {
    return InstanceMetadataCredentials.builder().endpoint(server.url("/").uri()).timeSource(time).build();
  }

  @Test
  void theTokenStepThenTheDocumentInItsTimeFormat() throws Exception {
    server.enqueue(ok("session-token-1"));
    server.enqueue(ok(document("AK1", "2026-05-01T18:00:00.574000Z")));
    InstanceMetadataCredentials c = credentials();
    Identity id = c.resolveIdentity();
    assertEquals("AK1", id.accessKey());
    assertEquals(SK, id.secretKey());
    assertEquals(STS, id.securityToken());
    assertEquals(Instant.parse("2026-05-01T18:00:00.574Z"), c.expiresAt());
    RecordedRequest put = server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("PUT", put.getMethod());
    assertEquals("/meta-data/latest/api/token", put.getUrl().encodedPath());
    assertEquals("21600", put.getHeaders().get("X-Metadata-Token-Ttl-Seconds"));
    RecordedRequest get = server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("GET /openstack/latest/securitykey", get.getMethod() + " " + get.getUrl().encodedPath());
    assertEquals("session-token-1", get.getHeaders().get("X-Metadata-Token"));
    assertEquals(c.resolveIdentity(), id, "cached");
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aServiceWithoutTokensIsAskedWithoutOneAndTheJavaSdksNamesAreRead() throws Exception {
    server.enqueue(status(404, ""));
    server.enqueue(ok("{\"credential\":{\"accessKeyId\":\"AK2\",\"secretAccessKey\":\"" + SK + "\",\"securityToken\":\""
        + STS + "\",\"expiration\":\"2026-05-01T18:00:00Z\"}}"));
    InstanceMetadataCredentials c = credentials();
    assertEquals("AK2", c.resolveIdentity().accessKey());
    assertEquals(Instant.parse("2026-05-01T18:00:00Z"), c.expiresAt(), "a time without a fraction is read too");
    server.takeRequest(1, TimeUnit.SECONDS);
    assertNull(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("X-Metadata-Token"));
  }

  @Test
  void a401ForcesANewTokenAndOneMoreTry() throws Exception {
    server.enqueue(ok("old-token"));
    server.enqueue(status(401, "token expired"));
    server.enqueue(ok("new-token"));
    server.enqueue(ok(document("AK3", "2026-05-01T18:00:00.000000Z")));
    assertEquals("AK3", credentials().resolveIdentity().accessKey());
    server.takeRequest(1, TimeUnit.SECONDS);
    server.takeRequest(1, TimeUnit.SECONDS);
    server.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("new-token", server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("X-Metadata-Token"));
  }

  @Test
  void aServerWithoutAgencyIsToldSoAndNothingElseIsTried() {
    server.enqueue(ok("t"));
    server.enqueue(status(401, "{\"error\":\"Please configure Cloud Service Agency first\"}"));
    CredentialsException e = assertThrows(CredentialsException.class, () -> credentials().resolveIdentity());
    assertTrue(e.getMessage().endsWith("says this server has no agency (\"Please configure Cloud Service Agency "
        + "first\"): give the server an agency in the console, or configure other credentials"), e.getMessage());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void brokenDocumentsAreRefusedByNameNeverEchoed() {
    String[] bodies = {"<html>", "{\"credential\":{\"access\":\"AK\"}}",
        document("AK", "08.01.2020 03:50"), document("AK", "2026-05-01T18:00:00Z").replace("\"access\"", "\"accessKeyId\":\"X\",\"access\""),
        document("AK", "2026-05-01T18:00:00Z").replace(SK, SK + "\\u00e9")};
    String[] expected = {"is not the expected JSON object", "has no credential.secret",
        "has a credential.expires_at that is not a time such as 2020-01-08T03:50:07.574000Z: '08.01.2020 03:50'",
        "gives credential.access twice (names access and accessKeyId mean the same)",
        "the secret key from the instance metadata service's securitykey document contains non-ASCII U+00E9"};
    for (int i = 0; i < bodies.length; i++) {
      server.enqueue(status(405, ""));
      server.enqueue(ok(bodies[i]));
      CredentialsException e = assertThrows(CredentialsException.class, () -> credentials().resolveIdentity());
      assertTrue(e.getMessage().contains(expected[i]), e.getMessage());
      assertNoPartOf(SK, e);
      assertNoPartOf(STS, e);
    }
  }

  @Test
  void keysAreRenewedFortyMinutesBeforeExpiry() {
    server.enqueue(ok("t"));
    server.enqueue(ok(document("AK1", "2026-05-01T14:00:00.000000Z")));
    server.enqueue(ok(document("AK2", "2026-05-01T16:00:00.000000Z")));
    InstanceMetadataCredentials c = credentials();
    assertEquals("AK1", c.resolveIdentity().accessKey());
    time.advanceMillis(TimeUnit.MINUTES.toMillis(79));
    assertEquals("AK1", c.resolveIdentity().accessKey());
    time.advanceMillis(TimeUnit.MINUTES.toMillis(1));
    assertEquals("AK2", c.resolveIdentity().accessKey(), "at 13:20, 40 minutes before 14:00");
    assertEquals(3, server.getRequestCount(), "the session token is kept");
  }

  @Test
  void aServerThatNeverAnswersIsLeftAtTheBound() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      InstanceMetadataCredentials c = InstanceMetadataCredentials.builder()
          .endpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort())).timeout(Duration.ofMillis(300)).build();
      long start = System.nanoTime();
      CredentialsException e = assertThrows(CredentialsException.class, c::resolveIdentity);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(ms >= 250 && ms < 1500, "gave up after " + ms + " ms");
      assertTrue(e.getMessage().endsWith(": PUT /meta-data/latest/api/token got no answer within 300ms"),
          e.getMessage());
    }
  }

  @Test
  void plainHttpGoesOnlyToALocalAddress() {
    for (String endpoint : new String[] {"http://192.0.2.8", "http://[2001:db8::1]:80", "http://10.0.0.1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> InstanceMetadataCredentials.builder().endpoint(URI.create(endpoint)).build());
      assertTrue(e.getMessage().startsWith("InstanceMetadataCredentials endpoint uses plain http to an address that is "
          + "neither loopback nor link-local"), e.getMessage());
    }
    Map<String, String> env = new HashMap<>();
    env.put("SFSTURBO_METADATA_ENDPOINT", "http://user:pw@169.254.169.254");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InstanceMetadataCredentials.builder().environment(Envs.of(env)).build());
    assertEquals("SFSTURBO_METADATA_ENDPOINT must not contain user info (user:password@host): the SDK sends "
        + "credentials only as configured; remove it", e.getMessage());
    assertEquals(URI.create("http://169.254.169.254/"), InstanceMetadataCredentials.builder().environment(
        Envs.of(Collections.singletonMap("SFSTURBO_METADATA_ENDPOINT", "http://169.254.169.254"))).build().endpoint());
    assertEquals(URI.create("https://metadata.example.com/"), InstanceMetadataCredentials.builder()
        .endpoint(URI.create("https://metadata.example.com")).build().endpoint(), "https may go anywhere");
    assertEquals(URI.create("http://169.254.169.254"), InstanceMetadataCredentials.DEFAULT_ENDPOINT);
  }

  @Test
  void aRefusalFetchesNewKeysOnlyWhenOthersCanBeHad() {
    server.enqueue(ok("t"));
    server.enqueue(ok(document("AK1", "2026-05-01T18:00:00.000000Z")));
    server.enqueue(ok(document("AK2", "2026-05-01T19:00:00.000000Z")));
    server.enqueue(ok(document("AK2", "2026-05-01T19:00:00.000000Z")));
    InstanceMetadataCredentials c = credentials();
    Identity first = c.resolveIdentity();
    Rejection refused = Rejection.of(401, "APIGW.0301", null, first);
    assertFalse(c.refreshAfterRejection(refused), "fetched a moment ago: not fetched again");
    time.advanceMillis(TimeUnit.MINUTES.toMillis(2));
    assertTrue(c.refreshAfterRejection(refused));
    Identity second = c.resolveIdentity();
    assertEquals("AK2", second.accessKey());
    time.advanceMillis(TimeUnit.MINUTES.toMillis(2));
    assertFalse(c.refreshAfterRejection(Rejection.of(401, "APIGW.0301", null, second)),
        "the same keys again: another cause (a skewed clock), which the client corrects instead");
    assertFalse(c.toString().contains("CANARY"), c.toString());
  }
}
