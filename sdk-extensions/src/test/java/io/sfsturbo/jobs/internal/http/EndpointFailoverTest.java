// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failover only where the request cannot have reached a server; sticky to the endpoint that answered. */
@Timeout(20)
class EndpointFailoverTest {
  static int refusingPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void whatProvesARequestNeverArrived() {
    assertTrue(EndpointFailover.neverReached(new UnknownHostException("sfs.example.invalid")));
    assertTrue(EndpointFailover.neverReached(new IOException("wrapped", new ConnectException("Connection refused"))));
    assertTrue(EndpointFailover.neverReached(new SSLHandshakeException("PKIX path building failed")));
    assertFalse(EndpointFailover.neverReached(new SocketTimeoutException("connect timed out")), "a timeout proves nothing");
    assertFalse(EndpointFailover.neverReached((IOException) new SSLHandshakeException("read").initCause(
        new SocketTimeoutException("Read timed out"))));
    assertFalse(EndpointFailover.neverReached(new IOException("unexpected end of stream")));
  }

  @Test
  void aRefusedEndpointIsSkippedAndTheOneThatAnsweredStaysCurrent() throws Exception {
    try (MockWebServer second = new MockWebServer()) {
      second.start();
      URI first = URI.create("http://127.0.0.1:" + refusingPort() + "/api/");
      EndpointFailover failover = new EndpointFailover(Arrays.asList(first, second.url("/api/").uri()));
      OkHttpClient http = new OkHttpClient.Builder().addInterceptor(failover).build();
      for (int i = 0; i < 2; i++) {
        second.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        try (Response r = http.newCall(new Request.Builder().url(first + "v1/p/sfs-turbo/jobs/j").build()).execute()) {
          assertEquals(503, r.code(), "an HTTP error is an answer: no failover from it");
        }
        assertEquals("/api/v1/p/sfs-turbo/jobs/j", second.takeRequest().getTarget());
        assertEquals(1, failover.current());
      }
    }
  }

  @Test
  void whenEveryEndpointFailsTheNextRequestStartsFromTheFirstWithTheOthersSuppressed() throws Exception {
    URI a = URI.create("http://127.0.0.1:" + refusingPort() + "/");
    URI b = URI.create("http://127.0.0.1:" + refusingPort() + "/");
    EndpointFailover failover = new EndpointFailover(Arrays.asList(a, b));
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(failover).build();
    IOException e = assertThrows(IOException.class, () -> http.newCall(new Request.Builder().url(a + "x").build())
        .execute());
    assertTrue(e.getMessage().contains(":" + b.getPort()), e.getMessage());
    assertEquals(1, e.getSuppressed().length);
    assertEquals(0, failover.current());
  }

  @Test
  void afterEveryEndpointFailedTheFirstIsCurrentAgainAndOtherUrlsPassUntouched() throws Exception {
    URI a = URI.create("http://127.0.0.1:" + refusingPort() + "/");
    MockWebServer b = new MockWebServer();
    b.start();
    EndpointFailover failover = new EndpointFailover(Arrays.asList(a, b.url("/").uri()));
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(failover).build();
    b.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    try (Response r = http.newCall(new Request.Builder().url(a + "x").build()).execute()) {
      assertEquals(200, r.code());
    }
    assertEquals("/x", b.takeRequest().getTarget());
    assertEquals(1, failover.current());
    b.enqueue(new MockResponse.Builder().code(200).body("elsewhere").build());
    try (Response r = http.newCall(new Request.Builder().url(b.url("/other")).build()).execute()) {
      assertEquals("elsewhere", r.body().string(), "not under the first endpoint: sent as it is");
    }
    assertEquals("/other", b.takeRequest().getTarget());
    assertEquals(1, failover.current());
    b.close();
    http.connectionPool().evictAll();
    assertThrows(IOException.class, () -> http.newCall(new Request.Builder().url(a + "x").build()).execute());
    assertEquals(0, failover.current(), "the next request starts from the first again");
  }
}
