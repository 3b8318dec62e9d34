// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.errors.CredentialsException;
import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class ConfigurationTest {
  @ParameterizedTest
  @ValueSource(strings = {"", " ", "/", "../x", "a/../b", "?", "a?x=1", "#", "a#b", "a\u0001b", "a\rb", "..", "."})
  void badJobIdsAreRejectedBeforeAnyRequest(String bad) throws Exception {
    try (MockService service = new MockService(); SfsTurboJobsClient client = service.clientBuilder().build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.showJobDetail(bad));
      assertTrue(e.getMessage().startsWith("jobId"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> client.showJobDetailAsync(bad));
      assertEquals(0, service.server.getRequestCount());
    }
  }

  @Test
  void theRegionComesFromTheEnvironmentWhenNoneIsSet() {
    Map<String, String> env = new HashMap<>();
    env.put("HUAWEICLOUD_SDK_REGION", "eu-de");
    try (SfsTurboJobsClient client = SfsTurboJobsClient.builder().projectId("p")
        .credentials(TokenCredentials.of("t")).environment(io.sfsturbo.jobs.config.Environment.of(env, java.nio.file.Paths.get(System.getProperty("user.home")))).build()) {
      assertEquals("sfs-turbo.eu-de.otc.t-systems.com", client.endpoint().getHost());
    }
    env.put("HUAWEICLOUD_SDK_REGION", "mars-1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SfsTurboJobsClient.builder().projectId("p").credentials(TokenCredentials.of("t")).environment(io.sfsturbo.jobs.config.Environment.of(env, java.nio.file.Paths.get(System.getProperty("user.home")))).build());
    assertTrue(e.getMessage().startsWith("HUAWEICLOUD_SDK_REGION: "), e.getMessage());
    env.clear();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SfsTurboJobsClient.builder().projectId("p").credentials(TokenCredentials.of("t")).environment(io.sfsturbo.jobs.config.Environment.of(env, java.nio.file.Paths.get(System.getProperty("user.home")))).build())
        .getMessage().contains("HUAWEICLOUD_SDK_REGION"));
  }

  @Test
  void hugeAndNullIdsAreRejected() throws Exception {
    try (MockService service = new MockService(); SfsTurboJobsClient client = service.clientBuilder().build()) {
      String huge = new String(new char[10_000]).replace('\0', '7');
      assertThrows(IllegalArgumentException.class, () -> client.showJobDetail(huge));
      assertThrows(IllegalArgumentException.class, () -> client.showJobDetail(null));
      assertEquals(0, service.server.getRequestCount());
    }
    assertThrows(IllegalArgumentException.class, () -> SfsTurboJobsClient.builder().projectId("p/q"));
  }

  @Test
  void validIdsArePathEncodedNotAltered() throws Exception {
    try (MockService service = new MockService(); SfsTurboJobsClient client = service.clientBuilder().build()) {
      service.enqueueJob("ä%*", "running");
      client.showJobDetail("ä%*");
      RecordedRequest r = service.server.takeRequest(5, TimeUnit.SECONDS);
      assertEquals("/v1/proj-1/sfs-turbo/jobs/%C3%A4%25*", r.getUrl().encodedPath());
      assertEquals("ä%*", r.getUrl().pathSegments().get(4));
    }
  }

  @Test
  void plainHttpNeedsAnExplicitOptIn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SfsTurboJobsClient.builder()
        .endpoint("http://127.0.0.1:1/").projectId("p").credentials(TokenCredentials.of("t")).build());
    assertTrue(e.getMessage().contains("allowInsecureHttp"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SfsTurboJobsClient.builder()
        .endpoint("ftp://host/").projectId("p").credentials(TokenCredentials.of("t")).build());
    assertThrows(IllegalArgumentException.class, () -> SfsTurboJobsClient.builder()
        .projectId("p").credentials(TokenCredentials.of("t")).build());
  }

  @Test
  void regionSetsTheEndpointAndUnknownRegionsAreListed() {
    try (SfsTurboJobsClient c = SfsTurboJobsClient.builder().region("eu-nl").projectId("p")
        .credentials(TokenCredentials.of("t")).build()) {
      assertEquals(URI.create("https://sfs-turbo.eu-nl.otc.t-systems.com"), c.endpoint());
    }
    // An id no override or catalogue holds fails when the client is built (overrides are read then).
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SfsTurboJobsClient.builder().region("eu-xx").projectId("p").credentials(TokenCredentials.of("t")).build());
    assertTrue(e.getMessage().contains("eu-de"), e.getMessage());
  }

  @Test
  void projectIdAndCredentialsComeFromTheEnvironment() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("HUAWEICLOUD_SDK_PROJECT_ID", "env-project");
    env.put("SFSTURBO_AUTH_TOKEN", "env-token");
    try (MockService service = new MockService();
         SfsTurboJobsClient client = SfsTurboJobsClient.builder().endpoint(service.server.url("/").uri())
             .httpConfiguration(h -> h.allowInsecureHttp(true)).environment(io.sfsturbo.jobs.config.Environment.of(env, java.nio.file.Paths.get(System.getProperty("user.home")))).build()) {
      service.enqueueJob("j", "running");
      client.showJobDetail("j");
      RecordedRequest r = service.server.takeRequest(5, TimeUnit.SECONDS);
      assertEquals("/v1/env-project/sfs-turbo/jobs/j", r.getUrl().encodedPath());
      assertEquals("env-token", r.getHeaders().get("X-Auth-Token"));
    }
    CredentialsException e = assertThrows(CredentialsException.class, () -> SfsTurboJobsClient.builder()
        .region("eu-de").projectId("p").environment(io.sfsturbo.jobs.config.Environment.of(
            Collections.singletonMap("SFSTURBO_METADATA_ENDPOINT", "http://127.0.0.1:1"),
            java.nio.file.Paths.get(System.getProperty("user.home")))).build());
    assertTrue(e.getMessage().contains("HUAWEICLOUD_SDK_AK"), e.getMessage());
  }

  @Test
  void sharedOkHttpClientKeepsItsInterceptorsAndIsNotShutDown() throws Exception {
    OkHttpClient shared = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-App", "mine").build()))
        .build();
    try (MockService service = new MockService()) {
      SfsTurboJobsClient client = service.clientBuilder().httpConfiguration(h -> h.httpClient(shared)).httpConfiguration(h -> h.userAgentSuffix("my-app/1.2")).build();
      service.enqueueJob("j", "running");
      client.showJobDetail("j");
      client.close();
      RecordedRequest r = service.server.takeRequest(5, TimeUnit.SECONDS);
      assertEquals("mine", r.getHeaders().get("X-App"));
      // The version this build wrote, not a constant that goes stale.
      assertTrue(r.getHeaders().get("User-Agent").startsWith("sfsturbo-jobs-java/" + System.getProperty("sdk.version")
          + " "), r.getHeaders().get("User-Agent"));
      assertTrue(r.getHeaders().get("User-Agent").endsWith(" my-app/1.2"), r.getHeaders().get("User-Agent"));
      assertEquals("proj-1", r.getHeaders().get("X-Project-Id"));
      assertFalse(shared.dispatcher().executorService().isShutdown());
    }
    assertThrows(IllegalArgumentException.class, () -> SfsTurboJobsClient.builder().httpConfiguration(h -> h.userAgentSuffix("bad\nvalue")));
  }

  @Test
  void closingAnOwnedClientReleasesItsThreads() throws Exception {
    try (MockService service = new MockService()) {
      SfsTurboJobsClient client = service.clientBuilder().build();
      service.enqueueJob("j", "running");
      client.showJobDetailAsync("j").get(5, TimeUnit.SECONDS);
      client.close();
      assertThrows(Exception.class, () -> client.showJobDetailAsync("j").get(5, TimeUnit.SECONDS));
    }
  }
}
