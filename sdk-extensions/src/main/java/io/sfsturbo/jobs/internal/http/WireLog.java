// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.text.SafeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire log: at DEBUG on {@value #LOGGER}, one entry per HTTP try of the service, written when its response
 * body is closed: method and URL, status, request id, time to the response headers and to the end of the body,
 * the request and response headers with every credential redacted ({@link WireRedaction}), and the start of
 * the body as the SDK read it, escaped. Made to be pasted into a support ticket.
 *
 * <p>Runs as the last application interceptor, after the request is signed, and never reads anything itself:
 * the body is shown as the SDK reads it (copied up to {@value #BODY_LIMIT} bytes), so that logging changes no
 * timing, limit or outcome. With DEBUG off it costs one {@code isDebugEnabled()} per try. Token and metadata
 * calls are not logged here: their bodies are credentials.
 */
public final class WireLog implements Interceptor {
  /** The logger's name. */
  public static final String LOGGER = "io.sfsturbo.jobs.wire";
  /** The most bytes of a body shown. */
  static final int BODY_LIMIT = 4096;

  private final Logger log;
  private final LongSupplier nanos;

  /** The wire log on {@value #LOGGER}, timed by {@link System#nanoTime()}. */
  public WireLog() {
    this(LoggerFactory.getLogger(LOGGER), System::nanoTime);
  }

  /**
   * For the unit tests only: the entries go to this logger and are timed by this clock (in nanoseconds), so that
   * a test reads them without turning the shared wire logger to DEBUG and without sleeping.
   */
  WireLog(Logger log, LongSupplier nanos) {
    this.log = log;
    this.nanos = nanos;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (!log.isDebugEnabled()) {
      return chain.proceed(chain.request());
    }
    Request request = chain.request();
    long start = nanos.getAsLong();
    List<String> secrets = WireRedaction.secretsOf(request.headers());
    String head = request.method() + " " + WireRedaction.url(request.url());
    String requestHeaders = headers("> ", request.headers(), secrets);
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      log.debug("{} -> no response after {} ms: {}\n{}", head, millis(start),
          SafeText.capped(WireRedaction.scrub(String.valueOf(e), secrets), WireRedaction.VALUE_LIMIT), requestHeaders);
      throw e;
    }
    String requestId = response.header("X-Request-Id");
    String summary = head + " -> " + response.code() + " (request id "
        + (requestId == null ? "none" : SafeText.capped(WireRedaction.scrub(requestId, secrets), 128)) + ") in "
        + millis(start) + " ms to headers";
    String all = requestHeaders + "\n" + headers("< ", response.headers(), secrets);
    ResponseBody body = response.body();
    Copy copy = new Copy(body.source(), summary, all, secrets, start);
    return response.newBuilder()
        .body(ResponseBody.create(Okio.buffer(copy), body.contentType(), body.contentLength()))
        .build();
  }

  private static String headers(String prefix, Headers headers, List<String> secrets) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(prefix).append(SafeText.capped(headers.name(i), 128)).append(": ")
          .append(WireRedaction.value(headers.name(i), headers.value(i), secrets));
    }
    return sb.toString();
  }

  private long millis(long start) {
    return TimeUnit.NANOSECONDS.toMillis(nanos.getAsLong() - start);
  }

  /** Passes the body through as it is read, keeps a copy of its start, and writes the entry when it is closed. */
  private final class Copy extends ForwardingSource {
    private final Buffer kept = new Buffer();
    private final String summary;
    private final String headers;
    private final List<String> secrets;
    private final long start;
    private final AtomicBoolean logged = new AtomicBoolean();
    private long total;
    private boolean ended;
    private IOException failure;

    Copy(Source delegate, String summary, String headers, List<String> secrets, long start) {
      super(delegate);
      this.summary = summary;
      this.headers = headers;
      this.secrets = secrets;
      this.start = start;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n;
      try {
        n = super.read(sink, byteCount);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
      if (n < 0) {
        ended = true;
      } else {
        long keep = Math.min(n, BODY_LIMIT - kept.size());
        if (keep > 0) {
          sink.copyTo(kept, sink.size() - n, keep);
        }
        total += n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        if (logged.compareAndSet(false, true)) {
          log.debug("{}, {} ms to the end of the body\n{}\n< {}", summary, millis(start), headers, body());
        }
      }
    }

    private String body() {
      String text = SafeText.escape(WireRedaction.scrub(kept.readString(StandardCharsets.UTF_8), secrets));
      if (failure != null) {
        return "body broke off after " + total + " bytes (" + SafeText.capped(String.valueOf(failure), 200) + "): "
            + text;
      }
      if (total == 0 && !ended) {
        return "body not read";
      }
      String size = ended ? total + " bytes" : "at least " + total + " bytes, not read to the end";
      return "body (" + size + (total > BODY_LIMIT ? ", the first " + BODY_LIMIT + " shown" : "") + "): " + text;
    }
  }
}
