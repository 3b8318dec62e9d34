// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.config.CaBundle;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.config.ProxyConfiguration;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.testsupport.ConnectProxy;
import io.sfsturbo.jobs.testsupport.TlsFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTPS service behind a real CONNECT proxy that asks for credentials: the proxy gets its own credentials
 * and only sees a tunnel, the service gets its token and never the proxy's; the service's self-signed root is
 * trusted through a CA bundle, and without it nothing is sent.
 */
@Timeout(60)
class ProxyAndTrustTest {
  static final String TOKEN = "proxy-test-token-5e6f";
  static final String PROXY_PASSWORD = "proxy-pass-8a9b";

  @TempDir
  Path dir;

  final TlsFixtures tls = TlsFixtures.create();
  MockWebServer service;
  Path bundle;

  @BeforeEach
  void start() throws Exception {
    service = new MockWebServer();
    tls.serveHttps(service);
    service.start();
    bundle = tls.writeCaBundle(dir);
  }

  @AfterEach
  void stop() {
    service.close();
  }

  private void enqueueJob() {
    service.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"job_id\":\"j\",\"status\":\"success\"}").build());
  }

  private SfsTurboJobsClientBuilder client(Map<String, String> env) {
    return SfsTurboJobsClient.builder().endpoint(service.url("/").uri()).projectId("p")
        .credentials(TokenCredentials.of(TOKEN)).environment(Environment.of(env, Paths.get(System.getProperty("user.home"))))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void httpsProxyFromTheEnvironmentGetsItsCredentialsAndNeverTheServices() throws Exception {
    try (ConnectProxy proxy = ConnectProxy.start("alice", PROXY_PASSWORD)) {
      enqueueJob();
      Map<String, String> env = new HashMap<>();
      env.put("HTTPS_PROXY", "http://alice:" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port());
      try (SfsTurboJobsClient c = client(env).httpConfiguration(h -> h.proxy(ProxyConfiguration.fromEnvironment())
          .caBundle(CaBundle.fromPemFile(bundle))).build()) {
        assertEquals(JobStatus.SUCCESS, c.showJobDetail("j").status());
      }
      List<String> heads = proxy.requestHeads();
      assertEquals(2, heads.size(), heads.toString());
      assertTrue(heads.get(0).startsWith("CONNECT localhost:" + service.getPort() + " HTTP/1.1"), heads.get(0));
      assertFalse(heads.get(0).contains("Proxy-Authorization"), "not sent before the proxy asked");
      assertTrue(heads.get(1).contains("Proxy-Authorization: " + basic("alice", PROXY_PASSWORD)), heads.get(1));
      assertEquals(1, proxy.challenges());
      assertEquals(1, proxy.tunnels());
      for (String head : heads) {
        assertFalse(head.contains(TOKEN) || head.contains("X-Auth-Token") || head.contains("/v1/"), head);
      }
      assertFalse(proxy.tunnelledBytes().contains(TOKEN), "the tunnel carries TLS, never the token in clear");
      assertTrue(proxy.tunnelledBytes().length() > 100, "the request went through the tunnel");
      RecordedRequest r = service.takeRequest(5, TimeUnit.SECONDS);
      assertEquals(TOKEN, r.getHeaders().get("X-Auth-Token"));
      assertNull(r.getHeaders().get("Proxy-Authorization"), "the proxy's credentials never reach the service");
    }
  }

  @Test
  void aRefusedProxyPasswordIsSentOnceAndFailsTheCall() throws Exception {
    try (ConnectProxy proxy = ConnectProxy.start("alice", PROXY_PASSWORD)) {
      ProxyConfiguration wrong = ProxyConfiguration.builder().host("127.0.0.1").port(proxy.port()).username("alice")
          .password("wrong-password").build();
      try (SfsTurboJobsClient c = client(Map.of()).httpConfiguration(h -> h.proxy(wrong)
          .caBundle(CaBundle.fromPemFile(bundle))).build()) {
        TransportException e = assertThrows(TransportException.class, () -> c.showJobDetail("j"));
        assertTrue(e.getMessage().contains("proxy"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-password"), e.getMessage());
      }
      assertEquals(2, proxy.challenges(), "one challenge unanswered, one answer refused: no third try");
      assertEquals(0, proxy.tunnels());
      assertEquals(0, service.getRequestCount());
    }
  }

  @Test
  void noProxyHostsAreReachedDirectly() throws Exception {
    try (ConnectProxy proxy = ConnectProxy.start(null, null)) {
      enqueueJob();
      Map<String, String> env = Map.of("https_proxy", proxy.url(), "NO_PROXY", "example.com, localhost");
      try (SfsTurboJobsClient c = client(env).httpConfiguration(h -> h.proxy(ProxyConfiguration.fromEnvironment())
          .caBundle(CaBundle.fromPemFile(bundle))).build()) {
        assertEquals(JobStatus.SUCCESS, c.showJobDetail("j").status());
      }
      assertEquals(List.of(), proxy.requestHeads());
      assertEquals(1, service.getRequestCount());
    }
  }

  @Test
  void aSelfSignedServiceFailsWithoutTheBundleAndWorksWithIt() throws Exception {
    try (SfsTurboJobsClient c = client(Map.of()).build()) {
      TransportException e = assertThrows(TransportException.class, () -> c.showJobDetail("j"));
      assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
    }
    assertEquals(0, service.getRequestCount(), "nothing was sent to an untrusted server");
    enqueueJob();
    try (SfsTurboJobsClient c = client(Map.of()).httpConfiguration(h -> h.caBundle(CaBundle.fromPemFile(bundle)))
        .build()) {
      assertEquals(JobStatus.SUCCESS, c.showJobDetail("j").status());
    }
    enqueueJob();
    try (SfsTurboJobsClient c = client(Map.of("SFSTURBO_CA_BUNDLE", bundle.toString())).build()) {
      assertEquals(JobStatus.SUCCESS, c.showJobDetail("j").status(), "the variable names the same bundle");
    }
  }

  @Test
  void aBundleOfAnotherRootDoesNotMakeTheServiceTrusted() throws Exception {
    Path other = TlsFixtures.create().writeCaBundle(dir);
    try (SfsTurboJobsClient c = client(Map.of()).httpConfiguration(h -> h.caBundle(CaBundle.fromPemFile(other)))
        .build()) {
      TransportException e = assertThrows(TransportException.class, () -> c.showJobDetail("j"));
      assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
    }
    assertEquals(0, service.getRequestCount());
  }
}
