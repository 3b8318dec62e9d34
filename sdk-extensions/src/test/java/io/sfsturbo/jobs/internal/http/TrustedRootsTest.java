// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sfsturbo.jobs.config.CaBundle;
import io.sfsturbo.jobs.config.HttpConfiguration;
import io.sfsturbo.jobs.config.ProxyConfiguration;
import io.sfsturbo.jobs.testing.Envs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CA bundle's roots, and only they, are trusted: its root reaches a TLS server, another root is refused. */
class TrustedRootsTest {
  private static final HeldCertificate SERVER = new HeldCertificate.Builder().commonName("server root")
      .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();
  private static final HeldCertificate ANOTHER = new HeldCertificate.Builder().commonName("another root")
      .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();

  private final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(SERVER).build().sslSocketFactory());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Path pem(String name, HeldCertificate... roots) throws IOException {
    StringBuilder text = new StringBuilder();
    for (HeldCertificate root : roots) {
      text.append(root.certificatePem());
    }
    return Files.write(dir.resolve(name), text.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private String get(OkHttpClient.Builder http) throws IOException {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    OkHttpClient client = http.build();
    try (Response r = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      return r.code() + " " + r.body().string();
    } finally {
      client.connectionPool().evictAll();
    }
  }

  @Test
  void theBundlesRootReachesTheServerAndAnotherIsRefused() throws Exception {
    OkHttpClient.Builder trusting = new OkHttpClient.Builder();
    TrustedRoots.apply(trusting, CaBundle.fromPemFile(pem("both.pem", ANOTHER, SERVER)));
    assertEquals("200 ok", get(trusting), "the server's root, second in the bundle");
    OkHttpClient.Builder other = new OkHttpClient.Builder();
    TrustedRoots.apply(other, CaBundle.fromPemFile(pem("other.pem", ANOTHER)));
    assertThrows(SSLException.class, () -> get(other));
  }

  @Test
  void theJvmsRootsDoNotKnowTheServer() {
    assertThrows(SSLException.class, () -> get(new OkHttpClient.Builder()));
  }

  @Test
  void networkSetupTrustsTheConfiguredBundleOrTheEnvironmentsOne() throws Exception {
    Path good = pem("good.pem", SERVER);
    Path bad = pem("bad.pem", ANOTHER);
    OkHttpClient.Builder fromEnv = new OkHttpClient.Builder();
    NetworkSetup.apply(fromEnv, HttpConfiguration.builder().proxy(ProxyConfiguration.fromEnvironment()).build(),
        Envs.of(Map.of(NetworkSetup.ENV_CA_BUNDLE, " " + good + " ")));
    assertEquals("200 ok", get(fromEnv));
    OkHttpClient.Builder configured = new OkHttpClient.Builder();
    NetworkSetup.apply(configured, HttpConfiguration.builder().proxy(ProxyConfiguration.fromEnvironment())
        .caBundle(CaBundle.fromPemFile(good)).build(), Envs.of(Map.of(NetworkSetup.ENV_CA_BUNDLE, bad.toString())));
    assertEquals("200 ok", get(configured), "the configuration before the environment");
  }
}
