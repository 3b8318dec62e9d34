// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
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
import org.junit.jupiter.api.Timeout;

/** Plain http goes only directly to this machine: through a proxy nothing is sent; https is not its concern. */
@Timeout(20)
class LoopbackGuardTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String get(OkHttpClient client, String url) throws IOException {
    try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return r.code() + " " + r.body().string();
    } finally {
      client.connectionPool().evictAll();
    }
  }

  @Test
  void plainHttpDirectlyToLoopbackIsSent() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    OkHttpClient client = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).addNetworkInterceptor(new LoopbackGuard())
        .build();
    assertEquals("200 ok", get(client, server.url("/v1").toString()));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void plainHttpThroughAProxyIsRefusedBeforeAByteIsSent() {
    // The server stands in for a proxy: it would see the request, with its credentials, in clear.
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort())))
        .addNetworkInterceptor(new LoopbackGuard()).build();
    LoopbackGuard.Refused e = assertThrows(LoopbackGuard.Refused.class,
        () -> get(client, "http://127.0.0.1:8080/v1"));
    assertEquals("plain http is allowed only directly to a loopback address, and this connection goes to a proxy; "
        + "nothing was sent (use https)", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void httpsIsLeftAlone() throws Exception {
    HeldCertificate held = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1").build();
    MockWebServer tls = new MockWebServer();
    tls.useHttps(new HandshakeCertificates.Builder().heldCertificate(held).build().sslSocketFactory());
    tls.start();
    try {
      tls.enqueue(new MockResponse.Builder().body("secure").build());
      HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(held.certificate())
          .build();
      OkHttpClient client = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY)
          .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
          .addNetworkInterceptor(new LoopbackGuard()).build();
      assertEquals("200 secure", get(client, tls.url("/v1").toString()));
    } finally {
      tls.close();
    }
  }
}
