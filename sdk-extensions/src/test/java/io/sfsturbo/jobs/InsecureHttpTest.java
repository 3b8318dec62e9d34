// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.errors.TransportException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** allowInsecureHttp is confined to this machine: at build time by the host's text, at each connection by its address. */
@Timeout(30)
class InsecureHttpTest {
  private static SfsTurboJobsClientBuilder builder(String endpoint) {
    return SfsTurboJobsClient.builder().endpoint(URI.create(endpoint)).httpConfiguration(h -> h.allowInsecureHttp(true))
        .projectId("p").credentials(TokenCredentials.of("insecure-canary-token"));
  }

  @Test
  void aPlainHttpEndpointOnAnotherHostIsRefusedAtBuild() {
    for (String endpoint : new String[] {"http://sfs-turbo.example.com/", "http://10.0.0.1:8080/",
        "http://localhost.example.com/", "http://[fe80::1]:80/"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder(endpoint).build(),
          endpoint);
      assertTrue(e.getMessage().startsWith("allowInsecureHttp allows plain http only to a loopback address"),
          e.getMessage());
    }
  }

  @Test
  void loopbackEndpointsAreAllowed() {
    for (String endpoint : new String[] {"http://localhost:9/", "http://127.0.0.1:9/", "http://[::1]:9/"}) {
      builder(endpoint).build().close();
    }
  }

  @Test
  void aPlainHttpRequestIsNeverSentThroughAProxyEvenOnAnApplicationsClient() throws Exception {
    try (MockWebServer proxy = new MockWebServer()) {
      proxy.start();
      proxy.enqueue(new MockResponse.Builder().code(200).body("{\"job_id\":\"j\",\"status\":\"success\"}").build());
      OkHttpClient viaProxy = new OkHttpClient.Builder()
          .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.getPort()))).build();
      try (SfsTurboJobsClient client = builder("http://localhost:9/")
          .httpConfiguration(h -> h.httpClient(viaProxy)).build()) {
        TransportException e = assertThrows(TransportException.class, () -> client.showJobDetail("j"));
        assertTrue(e.getMessage().contains("plain http is allowed only directly to a loopback address"), e.getMessage());
        assertFalse(e.isRetryable(), "certain to happen again");
      }
      assertEquals(0, proxy.getRequestCount(), "the proxy saw nothing, not the token in clear");
    }
  }
}
