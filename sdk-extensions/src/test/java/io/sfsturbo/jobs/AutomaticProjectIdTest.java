// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static io.sfsturbo.jobs.testing.SecretAssertions.assertNoPartOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.errors.AuthenticationException;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.ProjectIdLookupException;
import io.sfsturbo.jobs.testing.Envs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

/**
 * The project id looked up from IAM when none is set: signed by the client's own credentials, at the IAM
 * endpoint the official order finds, exactly one project accepted and checked; the default chain's report.
 */
@Timeout(20)
class AutomaticProjectIdTest {
  static final String SK = "Hq2Vn8Lw5Rt1Xy7Zp4CANARY";
  MockWebServer iam;
  final Map<String, String> vars = new HashMap<>();

  @BeforeEach
  void start() throws IOException {
    iam = new MockWebServer();
    iam.start();
    vars.put("HUAWEICLOUD_SDK_IAM_ENDPOINT", iam.url("/").toString());
    vars.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE", "https://sfs-turbo.eu-de.example.com");
  }

  @AfterEach
  void stop() {
    iam.close();
  }

  SfsTurboJobsClientBuilder builder() {
    return SfsTurboJobsClient.builder().region("eu-de").httpConfiguration(h -> h.allowInsecureHttp(true))
        .environment(Envs.of(vars));
  }

  static MockResponse projects(String... ids) {
    StringBuilder sb = new StringBuilder("{\"projects\":[");
    for (int i = 0; i < ids.length; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\",\"name\":\"eu-de\"}");
    }
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(sb.append("]}").toString()).build();
  }

  @Test
  void theRegionsProjectIsLookedUpOnceSignedWithoutAProjectHeader() throws Exception {
    iam.enqueue(projects("5b0e4d1c2a3f4e5d6c7b8a9f0e1d2c3b"));
    try (SfsTurboJobsClient client = builder().credentials(AkSkCredentials.of("AKLOOKUP", SK)).build()) {
      assertEquals("5b0e4d1c2a3f4e5d6c7b8a9f0e1d2c3b", client.projectId());
    }
    RecordedRequest r = iam.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("GET", r.getMethod());
    assertEquals("/v3/projects?name=eu-de", r.getTarget());
    assertTrue(r.getHeaders().get("Authorization").startsWith("SDK-HMAC-SHA256 Access=AKLOOKUP, SignedHeaders="
        + "content-type;host;x-sdk-date, Signature="), r.getHeaders().get("Authorization"));
    assertNull(r.getHeaders().get("X-Project-Id"));
    assertEquals(1, iam.getRequestCount());
  }

  @Test
  void aTokenIsSentAsItIsAndASetProjectIdIsNeverLookedUp() throws Exception {
    iam.enqueue(projects("p1"));
    try (SfsTurboJobsClient client = builder().credentials(TokenCredentials.of("tok-1")).build()) {
      assertEquals("p1", client.projectId());
    }
    assertEquals("tok-1", iam.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("X-Auth-Token"));
    try (SfsTurboJobsClient client = builder().credentials(TokenCredentials.of("tok-1")).projectId("given").build()) {
      assertEquals("given", client.projectId());
    }
    assertEquals(1, iam.getRequestCount());
  }

  @Test
  void noneSeveralOrAnIdThatCannotBeOneFailClearly() {
    iam.enqueue(projects());
    iam.enqueue(projects("a1", "b2"));
    iam.enqueue(projects("ab\\u202ecd"));
    String[] expected = {"lists no project named 'eu-de' for these credentials", "lists 2 projects named 'eu-de' [a1, b2]",
        "the project id IAM at " + iam.url("/").host() + " gave for region 'eu-de' must not contain whitespace, control "
            + "or invisible format characters (U+202E at index 2)"};
    for (String e : expected) {
      ProjectIdLookupException x = assertThrows(ProjectIdLookupException.class,
          () -> builder().credentials(TokenCredentials.of("t")).build());
      assertTrue(x.getMessage().contains(e), x.getMessage());
    }
  }

  @Test
  void iamsRefusalIsItsOwnTypedErrorWithoutTheSecret() {
    iam.enqueue(new MockResponse.Builder().code(401).addHeader("X-IAM-Trace-Id", "trace-9")
        .body("{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\"}}").build());
    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> builder().credentials(AkSkCredentials.of("AKLOOKUP", SK)).build());
    assertTrue(e.getMessage().startsWith("the project id lookup of region 'eu-de' at IAM"), e.getMessage());
    assertTrue(e.getMessage().contains("(HUAWEICLOUD_SDK_IAM_ENDPOINT)"), e.getMessage());
    assertNoPartOf(SK, e);
  }

  @Test
  void anEndpointAloneNeverTriggersALookup() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SfsTurboJobsClient.builder()
        .endpoint("https://sfs.example.com").credentials(TokenCredentials.of("t")).environment(Envs.of(vars)).build());
    assertEquals("set a projectId (or the environment variable HUAWEICLOUD_SDK_PROJECT_ID), or a region, whose "
        + "project is then looked up from IAM", e.getMessage());
    vars.put("HUAWEICLOUD_SDK_PROJECT_ID", "p\u202e1");
    e = assertThrows(IllegalArgumentException.class, () -> builder().credentials(TokenCredentials.of("t")).build());
    assertEquals("HUAWEICLOUD_SDK_PROJECT_ID must not contain whitespace, control or invisible format characters "
        + "(U+202E at index 1)", e.getMessage(), "checked where it enters, in the variable's name");
    assertEquals(0, iam.getRequestCount());
  }

  @Test
  void theChainSaysWhatEachSourceSaidAndGivesUpAtOnceWithoutAMetadataService() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    vars.put("SFSTURBO_METADATA_ENDPOINT", "http://127.0.0.1:" + port);
    vars.put("HUAWEICLOUD_SDK_PROJECT_ID", "p");
    long start = System.nanoTime();
    CredentialsException e = assertThrows(CredentialsException.class, () -> builder().build());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000);
    assertTrue(e.getMessage().startsWith("no credentials found. Tried, in order: (1) the environment: neither "
        + "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK nor SFSTURBO_AUTH_TOKEN is set; (2) the credentials profile: no "
        + "file at "), e.getMessage());
    assertTrue(e.getMessage().contains("; (3) the instance metadata service at http://127.0.0.1:" + port
        + ": PUT /meta-data/latest/api/token could not connect"), e.getMessage());
    assertFalse(e.getMessage().contains("169.254"), e.getMessage());
  }
}
