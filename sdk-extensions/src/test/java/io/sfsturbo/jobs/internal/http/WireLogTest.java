// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The wire log's entries, read from a recording logger (the shared wire logger stays at WARN) on a clock the
 * test moves: nothing read by the log itself, the body shown as the SDK read it, every secret cut.
 */
class WireLogTest {
  private static final String AUTHORIZATION =
      "SDK-HMAC-SHA256 Access=AKCANARY0001, SignedHeaders=host;x-sdk-date, Signature=0123456789abcdef";
  private static final String URL = "https://sfs-turbo.example.com/v1/p/sfs-turbo/jobs/j";
  private static final String HEADERS = "> Authorization: SDK-HMAC-SHA256 [redacted]\n> X-Sdk-Date: 20261129T100000Z";

  /** Keeps what is logged at DEBUG, formatted; says DEBUG is on only if told so. */
  static final class Recording extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    final boolean debug;
    final List<String> entries = new ArrayList<>();

    Recording(boolean debug) {
      this.debug = debug;
      this.name = "recording";
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return debug;
    }

    @Override
    public boolean isInfoEnabled() {
      return false;
    }

    @Override
    public boolean isWarnEnabled() {
      return false;
    }

    @Override
    public boolean isErrorEnabled() {
      return false;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
        Throwable t) {
      entries.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args));
    }
  }

  /** A body that hands out its text in pieces of at most {@code piece} bytes, then breaks off or ends. */
  static final class Scripted implements Source {
    final Buffer data;
    final int piece;
    final IOException breakOff;
    int closes;

    Scripted(String text, int piece, IOException breakOff) {
      this.data = new Buffer().writeUtf8(text);
      this.piece = piece;
      this.breakOff = breakOff;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (data.size() == 0) {
        if (breakOff != null) {
          throw breakOff;
        }
        return -1;
      }
      return data.read(sink, Math.min(byteCount, piece));
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {
      closes++;
    }
  }

  private final AtomicLong nanos = new AtomicLong(-5_000_000_000L);
  private final Recording debugOn = new Recording(true);

  private void advanceMillis(long ms) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
  }

  private Response call(Recording log, Interceptor server) throws IOException {
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new WireLog(log, nanos::get))
        .addInterceptor(server).build();
    Request request = new Request.Builder().url(URL + "?marker=abc").header("Authorization", AUTHORIZATION)
        .header("X-Sdk-Date", "20261129T100000Z").build();
    return client.newCall(request).execute();
  }

  /** A server that takes 12 ms to the headers and answers 200 with this body and request id. */
  private Interceptor answer(Source body, long length, String requestId) {
    return chain -> {
      advanceMillis(12);
      Response.Builder b = new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200)
          .message("OK").header("Content-Type", "text/plain")
          .body(ResponseBody.create(Okio.buffer(body), MediaType.get("text/plain"), length));
      if (requestId != null) {
        b.header("X-Request-Id", requestId);
      }
      return b.build();
    };
  }

  private String entry(String requestId, long headersMs, long endMs, String responseHeaders, String body) {
    return "DEBUG GET " + URL + "?marker=%5Bredacted%5D -> 200 (request id " + requestId + ") in " + headersMs
        + " ms to headers, " + endMs + " ms to the end of the body\n" + HEADERS + "\n" + responseHeaders + "\n< "
        + body;
  }

  @Test
  void withDebugOffNothingIsLoggedAndTheBodyIsUntouched() throws Exception {
    Recording off = new Recording(false);
    Scripted body = new Scripted("job j: RUNNING", 4, null);
    try (Response r = call(off, answer(body, 14, "rid-1"))) {
      assertEquals("job j: RUNNING", r.body().string());
    }
    assertEquals(List.of(), off.entries);
    assertEquals(1, body.closes);
  }

  @Test
  void oneEntryWhenTheBodyIsClosedWithEverySecretRedacted() throws Exception {
    Scripted body = new Scripted("job j: RUNNING, you sent Signature=0123456789abcdef", 5, null);
    Response r = call(debugOn, answer(body, -1, "rid-7"));
    assertEquals(List.of(), debugOn.entries, "nothing before the body is closed");
    advanceMillis(30);
    assertEquals("job j: RUNNING, you sent Signature=0123456789abcdef", r.body().string());
    r.close();
    r.close();
    assertEquals(List.of(entry("rid-7", 12, 42, "< Content-Type: text/plain\n< X-Request-Id: rid-7",
        // "Signature" too: a piece of the Authorization header, long enough to be cut wherever it is echoed.
        "body (51 bytes): job j: RUNNING, you sent [redacted]=[redacted]")), debugOn.entries);
    assertEquals(1, body.closes, "the body itself is closed");
  }

  @Test
  void noRequestIdAnEmptyBodyAndAnUnreadOne() throws Exception {
    try (Response r = call(debugOn, answer(new Scripted("", 5, null), 0, null))) {
      assertEquals("", r.body().string());
    }
    Response unread = call(debugOn, answer(new Scripted("job j", 5, null), 5, null));
    unread.close();
    assertEquals(List.of(entry("none", 12, 12, "< Content-Type: text/plain", "body (0 bytes): "),
        entry("none", 12, 12, "< Content-Type: text/plain", "body not read")), debugOn.entries);
  }

  @Test
  void aLongBodyShowsItsFirst4096Bytes() throws Exception {
    String exact = "a".repeat(WireLog.BODY_LIMIT);
    String longer = "b".repeat(3000) + "c".repeat(3000) + "d".repeat(3000);
    try (Response r = call(debugOn, answer(new Scripted(exact, 1000, null), -1, null))) {
      assertEquals(exact, r.body().string());
    }
    try (Response r = call(debugOn, answer(new Scripted(longer, 3000, null), -1, null))) {
      assertEquals(longer, r.body().string());
    }
    assertEquals(2, debugOn.entries.size());
    assertTrue(debugOn.entries.get(0).endsWith("\n< body (4096 bytes): " + exact), debugOn.entries.get(0));
    assertTrue(debugOn.entries.get(1).endsWith("\n< body (9000 bytes, the first 4096 shown): " + "b".repeat(3000)
        + "c".repeat(1096)), debugOn.entries.get(1));
  }

  @Test
  void aBodyReadInPartSaysSo() throws Exception {
    String text = "0123456789".repeat(1000);
    try (Response r = call(debugOn, answer(new Scripted(text, 2500, null), -1, null))) {
      BufferedSource source = r.body().source();
      source.require(3000);
      assertEquals("0123456789", source.readUtf8(10));
    }
    String logged = debugOn.entries.get(0);
    assertTrue(logged.endsWith("\n< body (at least 5000 bytes, not read to the end, the first 4096 shown): "
        + text.substring(0, 4096)), logged);
  }

  @Test
  void aBodyThatBreaksOffSaysWhenAndWhy() throws Exception {
    Scripted body = new Scripted("job j: RUN", 4, new IOException("connection reset"));
    Response r = call(debugOn, answer(body, 100, null));
    assertThrows(IOException.class, () -> r.body().string());
    r.close();
    assertEquals(List.of(entry("none", 12, 12, "< Content-Type: text/plain",
        "body broke off after 10 bytes (java.io.IOException: connection reset): job j: RUN")), debugOn.entries);
    assertEquals(1, body.closes);
  }

  @Test
  void noResponseIsLoggedAndTheSameFailureRethrown() throws Exception {
    IOException refused = new IOException("refused, token was 0123456789abcdef");
    IOException thrown = assertThrows(IOException.class, () -> call(debugOn, chain -> {
      advanceMillis(7);
      throw refused;
    }));
    assertSame(refused, thrown);
    IllegalStateException bug = new IllegalStateException("bug");
    assertSame(bug, assertThrows(IllegalStateException.class, () -> call(debugOn, chain -> {
      throw bug;
    })));
    assertEquals(List.of("DEBUG GET " + URL + "?marker=%5Bredacted%5D -> no response after 7 ms: "
        + "java.io.IOException: refused, token was [redacted]\n" + HEADERS, "DEBUG GET " + URL
        + "?marker=%5Bredacted%5D -> no response after 0 ms: java.lang.IllegalStateException: bug\n" + HEADERS),
        debugOn.entries);
  }

  @Test
  void aSecretEchoedInTheRequestIdIsCut() throws Exception {
    try (Response r = call(debugOn, answer(new Scripted("x", 5, null), 1, "echo 0123456789abcdef"))) {
      r.body().string();
    }
    assertFalse(debugOn.entries.get(0).contains("0123456789abcdef"), debugOn.entries.get(0));
    assertTrue(debugOn.entries.get(0).contains("(request id echo [redacted])"), debugOn.entries.get(0));
  }
}
