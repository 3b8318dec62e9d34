// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The wire log at DEBUG ({@code io.sfsturbo.jobs.wire}): one entry per exchange with method, URL, status,
 * request id, timings, redacted headers and the start of the body as the SDK read it, escaped and capped.
 */
@Timeout(60)
class WireLogTest {
  private static String capture(Runnable calls) throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, "UTF-8"));
    try {
      calls.run();
    } finally {
      System.err.flush();
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    original.print(log);
    return log;
  }

  @Test
  void anExchangeShowsItsRequestAndResponseWithCredentialsRedacted() throws Exception {
    try (MockService service = new MockService()) {
      service.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .addHeader("X-request-id", "rid-w1").addHeaderLenient("X-Evil", "a\u001b[31mb")
          .body("{\"job_id\":\"j\",\"status\":\"running\",\"fail_reason\":\"x\\u0007\"}").build());
      String log = capture(() -> {
        try (SfsTurboJobsClient c = service.clientBuilder().build()) {
          c.showJobDetail("j");
        }
      });
      String url = service.server.url("/v1/proj-1/sfs-turbo/jobs/j").toString();
      assertTrue(Pattern.compile("DEBUG io\\.sfsturbo\\.jobs\\.wire - GET " + Pattern.quote(url) + " -> 200 \\(request "
          + "id rid-w1\\) in \\d+ ms to headers, \\d+ ms to the end of the body\n").matcher(log).find(), log);
      assertTrue(log.contains("\n> X-Auth-Token: [redacted]\n"), log);
      assertTrue(log.contains("\n> User-Agent: sfsturbo-jobs-java/"), log);
      assertTrue(log.contains("\n< X-Evil: a\\u001b[31mb\n"), "escaped: " + log);
      assertTrue(log.contains("\n< body (57 bytes): {\"job_id\":\"j\""), log);
      assertFalse(log.contains(MockService.TOKEN), log);
    }
  }

  @Test
  void aBodyIsShownAsTheSdkReadItDecompressedAndCapped() throws Exception {
    try (MockService service = new MockService()) {
      Buffer gzipped = new Buffer();
      try (okio.BufferedSink sink = Okio.buffer(new GzipSink(gzipped))) {
        sink.writeUtf8("{\"job_id\":\"j\",\"status\":\"success\",\"entities\":{\"pad\":\"" + "p".repeat(9000) + "\"}}");
      }
      service.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .addHeader("Content-Encoding", "gzip").body(gzipped).build());
      service.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "https://elsewhere/x?sig=abc").build());
      String log = capture(() -> {
        try (SfsTurboJobsClient c = service.clientBuilder().overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
            .build()) {
          try {
            c.showJobDetail("j");
          } catch (SfsTurboException decodedOrNot) {
            // Only the log matters here.
          }
          assertThrows(SfsTurboException.class, () -> c.showJobDetail("j"));
        }
      });
      assertTrue(log.contains("< body (9055 bytes, the first 4096 shown): {\"job_id\":\"j\",\"status\":\"success\""), log);
      String shown = log.substring(log.indexOf("the first 4096 shown): "));
      assertEquals(4096, shown.substring("the first 4096 shown): ".length(), shown.indexOf('\n')).length());
      assertTrue(log.contains("< Location: https://elsewhere/x?[redacted]"), log);
      assertTrue(log.contains("< body not read"), "a redirect's body is never read: " + log);
    }
  }

  @Test
  void aFailedExchangeIsLoggedWithItsCause() throws Exception {
    try (MockService service = new MockService()) {
      service.enqueue(new MockResponse.Builder().code(200).body("{\"job_id\":\"j\"").build());
      service.server.close();
      String log = capture(() -> {
        try (SfsTurboJobsClient c = service.clientBuilder().overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
            .build()) {
          assertThrows(SfsTurboException.class, () -> c.showJobDetail("j"));
        }
      });
      assertTrue(Pattern.compile("DEBUG io\\.sfsturbo\\.jobs\\.wire - GET \\S+ -> no response after \\d+ ms: "
          + "java\\.net\\.ConnectException").matcher(log).find(), log);
      assertTrue(log.contains("> X-Auth-Token: [redacted]"), log);
    }
  }
}
