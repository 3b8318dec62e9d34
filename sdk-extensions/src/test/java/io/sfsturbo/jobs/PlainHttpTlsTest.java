// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.auth.IamPasswordCredentials;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.config.Environment;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client whose every URL is plain http (the emulator, the CLI's --insecure-http) builds no TLS, which would
 * cost a short-lived program's start the JVM's trust store and some 400 classes; any https URL, and an
 * application's own client, keep it.
 */
class PlainHttpTlsTest {
  @TempDir
  Path home;

  SfsTurboJobsClientBuilder builder(String endpoint) {
    return SfsTurboJobsClient.builder().endpoint(URI.create(endpoint)).httpConfiguration(h -> h.allowInsecureHttp(true))
        .projectId("p").credentials(TokenCredentials.of("t")).environment(Environment.of(Map.of(), home));
  }

  static ClientWiring wiring(SfsTurboJobsClientBuilder b) {
    return new ClientWiring(ClientDefaults.resolve(b), b.override, b.http, b.telemetry, b.time, b.environment);
  }

  static boolean tls(OkHttpClient http) {
    return http.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls);
  }

  @Test
  void onlyPlainHttpUrlsMeanNoTls() {
    ClientWiring w = wiring(builder("http://127.0.0.1:9/"));
    try {
      assertFalse(tls(w.http), w.http.connectionSpecs().toString());
      // OkHttp made no TLS socket factory: it says so rather than return one.
      assertThrows(IllegalStateException.class, w.http::sslSocketFactory);
    } finally {
      w.close();
    }
  }

  @Test
  void anHttpsEndpointKeepsTls() {
    ClientWiring w = wiring(builder("https://sfs-turbo.example.com/"));
    try {
      assertTrue(tls(w.http));
      assertNotNull(w.http.sslSocketFactory());
    } finally {
      w.close();
    }
  }

  @Test
  void iamPasswordCredentialsKeepTlsWhateverTheEndpoint() {
    // Their token calls go through the client, to their own IAM endpoint (here https) before the client's.
    IamPasswordCredentials creds = IamPasswordCredentials.builder().iamEndpoint(URI.create("https://iam.example.com"))
        .userName("alice").password("secret").domainName("acme").projectName("eu-de").build();
    ClientWiring w = wiring(builder("http://127.0.0.1:9/").iamEndpoint(URI.create("http://127.0.0.1:8/"))
        .credentials(creds));
    try {
      assertTrue(tls(w.http));
      assertNotNull(w.http.sslSocketFactory());
    } finally {
      w.close();
    }
  }

  @Test
  void anHttpsIamEndpointForTheProjectIdLookupKeepsTls() {
    // No project id: the client looks it up from the region's IAM (https) when built, so only the decision is
    // checked here.
    SfsTurboJobsClientBuilder b = SfsTurboJobsClient.builder().endpoint(URI.create("http://127.0.0.1:9/"))
        .region("eu-de").httpConfiguration(h -> h.allowInsecureHttp(true)).credentials(TokenCredentials.of("t"))
        .environment(Environment.of(Map.of(), home));
    assertFalse(ClientWiring.onlyPlainHttp(ClientDefaults.resolve(b)));
    assertTrue(ClientWiring.onlyPlainHttp(ClientDefaults.resolve(b.iamEndpoint(URI.create("http://127.0.0.1:8/")))));
  }

  @Test
  void anApplicationsClientKeepsItsOwnSpecs() {
    OkHttpClient app = new OkHttpClient();
    ClientWiring w = wiring(builder("http://127.0.0.1:9/").httpConfiguration(h -> h.httpClient(app)));
    try {
      assertTrue(tls(w.http));
      assertSame(app.sslSocketFactory(), w.http.sslSocketFactory());
    } finally {
      w.close();
    }
  }
}
