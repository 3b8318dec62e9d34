// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves the {@link HostileServer} fixture with plain OkHttp, so that SDK tests can rely on it. */
@Timeout(10)
class HostileServerTest {
  private HostileServer server;
  private OkHttpClient http;

  private OkHttpClient.Builder okhttp() {
    // No silent replays: every failure must reach the test as it happened.
    return new OkHttpClient.Builder().retryOnConnectionFailure(false);
  }

  private HostileServer start(HostileServer.Behaviour... behaviours) throws IOException {
    server = HostileServer.start(behaviours);
    return server;
  }

  private Request get(String path) {
    return new Request.Builder().url(server.url().resolve(path).toString()).header("X-Auth-Token", "secret-token").build();
  }

  @AfterEach
  void stop() {
    if (http != null) {
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
    }
    if (server != null) {
      server.close();
      assertEquals(0, server.liveConnectionThreads(), "a connection thread outlived close()");
      assertEquals(java.util.List.of(), server.unexpectedErrors());
    }
  }

  @Test
  void behavioursAnswerInTurnTheLastRepeatingOnOneKeptAliveConnection() throws IOException {
    // Not a 503 with Retry-After: 0, which OkHttp itself retries at once.
    start(HostileServer.respond(500, "{}", "X-Hostile: 1"),
        HostileServer.respond(200, Map.of("Content-Type", "application/json"), "{\"status\":\"success\"}"));
    http = okhttp().build();
    int[] codes = new int[3];
    for (int i = 0; i < 3; i++) {
      try (Response r = http.newCall(get("/v1/p/sfs-turbo/jobs/j")).execute()) {
        codes[i] = r.code();
        if (i > 0) {
          assertEquals("{\"status\":\"success\"}", r.body().string());
        }
      }
    }
    assertEquals("[500, 200, 200]", java.util.Arrays.toString(codes));
    assertEquals(3, server.requestCount());
    assertEquals(1, server.connectionCount(), "Content-Length answers keep the connection alive");
    HostileServer.ReceivedRequest first = server.requests().get(0);
    assertEquals("GET /v1/p/sfs-turbo/jobs/j HTTP/1.1", first.requestLine());
    assertEquals("secret-token", first.header("x-auth-token"));
    assertTrue(!first.toString().contains("secret-token"), "toString shows header names only");
  }

  @Test
  void redirectIsAnsweredAsIsAndItsTargetRecordsWhatArrived() throws IOException {
    try (HostileServer target = HostileServer.start(HostileServer.respond(200, "landed"))) {
      start(HostileServer.redirect(302, target.url().resolve("/elsewhere").toString()));
      http = okhttp().followRedirects(false).build();
      try (Response r = http.newCall(get("/start")).execute()) {
        assertEquals(302, r.code());
        assertEquals(target.url().resolve("/elsewhere").toString(), r.header("Location"));
      }
      assertEquals(0, target.requestCount());

      OkHttpClient following = http.newBuilder().followRedirects(true).build();   // shares http's pool
      try (Response r = following.newCall(get("/start")).execute()) {
        assertEquals("landed", r.body().string());
      }
      assertEquals("GET /elsewhere HTTP/1.1", target.requests().get(0).requestLine());
      // Plain OkHttp drops only Authorization on a redirect to another origin; a custom token
      // header goes along. This is what a client under test must not do.
      assertEquals("secret-token", target.requests().get(0).header("X-Auth-Token"));
      assertNull(target.requests().get(0).header("Authorization"));
    }
  }

  @Test
  void slowBodyDripsBytesThatEachBeatTheReadTimeout() throws IOException {
    start(HostileServer.slowBody("12345678", Duration.ofMillis(100)));
    http = okhttp().readTimeout(Duration.ofMillis(300)).build();
    long start = System.nanoTime();
    try (Response r = http.newCall(get("/")).execute()) {
      assertEquals(8, r.body().contentLength());
      assertEquals("12345678", r.body().string());
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis >= 700, "8 bytes at 100 ms each came in " + millis + " ms");
  }

  @ParameterizedTest(name = "contentLength={0} chunked={1}")
  @CsvSource({"true,false", "false,true", "false,false", "true,true"})
  void hugeBodyStreamsFiftyMegabytesWithoutBeingHeld(boolean contentLength, boolean chunked) throws IOException {
    long size = 50L * 1024 * 1024;
    start(HostileServer.hugeBody(size, contentLength, chunked));
    http = okhttp().build();
    try (Response r = http.newCall(get("/")).execute()) {
      assertEquals(contentLength && !chunked ? size : -1, r.body().contentLength());
      BufferedSource source = r.body().source();
      Buffer window = new Buffer();
      long total = 0;
      String head = null;
      String tail = "";
      for (long n; (n = source.read(window, 64 * 1024)) != -1; ) {
        total += n;
        String text = window.readString(StandardCharsets.US_ASCII);
        if (head == null) {
          head = text.substring(0, 20);
        }
        tail = (tail + text).substring(Math.max(0, tail.length() + text.length() - 128));
      }
      assertEquals(size, total);
      assertEquals("{\"job_id\":\"j\",\"statu", head);
      // The last sub-job, then the padding spaces that make the size exact, then the end.
      assertTrue(tail.endsWith("]}") && tail.replace(" ", "").endsWith("\"expand\"}]}"), tail);
    }
  }

  @Test
  void hugeBodyIsValidJsonOfExactlyItsSize() throws IOException {
    start(HostileServer.hugeBody(1000, true, false));
    http = okhttp().build();
    try (Response r = http.newCall(get("/")).execute()) {
      String body = r.body().string();
      assertEquals(1000, body.length());
      JsonObject job = JsonParser.parseString(body).getAsJsonObject();
      assertEquals("running", job.get("status").getAsString());
      assertTrue(job.getAsJsonArray("sub_jobs").size() > 10);
    }
  }

  @Test
  void gzipBombInflatesThroughOkHttpsTransparentGzip() throws IOException {
    start(HostileServer.gzipBomb(10L * 1024 * 1024 * 1024));   // 10 GiB, never all sent
    http = okhttp().build();
    try (Response r = http.newCall(get("/")).execute()) {
      assertNull(r.header("Content-Encoding"), "OkHttp did not decompress");
      BufferedSource source = r.body().source();
      long target = 10L * 1024 * 1024;
      source.require(target);   // inflates 10 MiB and stops; close() then drops the connection
      assertEquals("{\"job_id\":\"j\"", source.readString(13, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void gzipBombIsAboutAThousandTimesSmallerAndItsContentLengthIsRight() throws IOException {
    long inflated = 20L * 1024 * 1024;
    start(HostileServer.gzipBomb(inflated, true));
    http = okhttp().build();
    // Asking for gzip ourselves turns OkHttp's decompression off: these are the bytes on the wire.
    Request raw = get("/").newBuilder().header("Accept-Encoding", "gzip").build();
    byte[] compressed;
    try (Response r = http.newCall(raw).execute()) {
      compressed = r.body().bytes();
      assertEquals("gzip", r.header("Content-Encoding"));
      assertEquals(String.valueOf(compressed.length), r.header("Content-Length"));
    }
    assertTrue(compressed.length < inflated / 500, "compressed to " + compressed.length + " bytes");
    long count = 0;
    byte[] last = new byte[2];
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) >= 0; count += n) {
        if (n >= 2) {
          last[0] = buf[n - 2];
          last[1] = buf[n - 1];
        }
      }
    }
    assertEquals(inflated, count);
    assertEquals("]}", new String(last, StandardCharsets.US_ASCII));
  }

  @Test
  void silentServerMakesTheReadTimeoutFire() throws IOException {
    start(HostileServer.silent());
    http = okhttp().readTimeout(Duration.ofMillis(200)).build();
    assertThrows(SocketTimeoutException.class, () -> http.newCall(get("/")).execute().close());
    assertEquals(1, server.requestCount(), "the request was read before the silence");
  }

  @Test
  void interimFloodKeepsOkHttpReadingUntilTheCallTimeout() {
    assertCallTimeoutEndsAnEndlessHead(HostileServer.interimFlood(Duration.ofMillis(50)));
  }

  @Test
  void drippedHeadersKeepOkHttpReadingUntilTheCallTimeout() {
    assertCallTimeoutEndsAnEndlessHead(HostileServer.drippedHeaders(Duration.ofMillis(50)));
  }

  private void assertCallTimeoutEndsAnEndlessHead(HostileServer.Behaviour endless) {
    try {
      start(endless);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    // The read timeout (300 ms) never fires, since a line comes every 50 ms: only the call timeout ends it.
    http = okhttp().readTimeout(Duration.ofMillis(300)).callTimeout(Duration.ofMillis(500)).build();
    long start = System.nanoTime();
    InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> http.newCall(get("/")).execute().close());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(!(e instanceof SocketTimeoutException), "the read timeout fired, not the call timeout: " + e);
    assertTrue(millis >= 450 && millis < 2_000, "ended after " + millis + " ms");
  }

  @Test
  void stalledTlsLeavesTheHandshakeToTheClientsTimeout() throws IOException {
    start(HostileServer.stalledTls());
    http = okhttp().readTimeout(Duration.ofMillis(300)).build();
    Request request = new Request.Builder().url(server.httpsUrl().toString()).build();
    long start = System.nanoTime();
    assertThrows(SocketTimeoutException.class, () -> http.newCall(request).execute().close());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis < 2_000, "the handshake ended after " + millis + " ms");
    assertEquals(1, server.connectionCount());
    assertEquals(0, server.requestCount(), "a ClientHello is not a request");
  }

  @Test
  void closeIsFastAndEndsEveryHeldConnection() throws Exception {
    start(HostileServer.silent(), HostileServer.drippedHeaders(Duration.ofMillis(20)),
        HostileServer.hugeBody(Long.MAX_VALUE, false, true));
    CompletableFuture<?>[] clients = new CompletableFuture<?>[3];
    for (int i = 0; i < 3; i++) {
      Socket socket = new Socket("127.0.0.1", server.port());
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      // Each client waits (without a timeout) on its own connection, reading whatever comes, so
      // the server's writers are not held back by a full socket buffer.
      clients[i] = CompletableFuture.runAsync(() -> {
        try (socket; InputStream in = socket.getInputStream()) {
          byte[] buf = new byte[64 * 1024];
          while (in.read(buf) >= 0) {
            // drain
          }
        } catch (IOException e) {
          // reset by the closing server: also an end
        }
      });
      while (server.requestCount() < i + 1) {
        Thread.sleep(5);   // one request per behaviour, in order
      }
    }
    Thread.sleep(100);
    long start = System.nanoTime();
    server.close();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis < 2_000, "close() took " + millis + " ms");
    CompletableFuture.allOf(clients).get(2, TimeUnit.SECONDS);
    assertEquals(0, server.liveConnectionThreads());
  }
}
