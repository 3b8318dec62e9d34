// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a server that puts escape sequences, forged lines, DEL and C1 controls in every text it
 * chooses: nothing of it may reach stdout or stderr raw, yet all of it must stay visible (escaped), and the
 * exit codes must stay truthful.
 *
 * <p>The server is a MockWebServer on plain http on the loopback address, which the command line reaches with
 * {@code --insecure-http}; the package-private
 * {@link SfsTurboJobsCli#run(String[], PrintWriter, PrintWriter, UnaryOperator)} lets a test adjust the client.
 */
@Timeout(60)
class HostileOutputTest {
  static final String OSC_TITLE = "\u001b]0;pwned\u0007";
  static final String CLEAR = "\u001b[2J";
  static final String FORGED = "bind_ldap\r\nStatus     success";
  static final String DEL_C1 = "del\u007f csi\u009b31m";
  static final String REQUEST_ID = "req-\u001b[2J-\u009b31m-\u007f-\u0085";

  final MockWebServer server = new MockWebServer();
  final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
  final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  @TempDir
  Path tmp;
  Path tokenFile;

  @BeforeEach
  void start() throws IOException {
    tokenFile = Files.write(tmp.resolve("token"), "test-token\n".getBytes(StandardCharsets.UTF_8));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        List<String> path = request.getUrl().pathSegments();
        String jobId = path.get(path.size() - 1);
        return answer(jobId, polls.computeIfAbsent(jobId, k -> new AtomicInteger()).incrementAndGet());
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A failed job whose every text field, and one sub-job's, is hostile; plus a field the SDK does not know. */
  static JsonObject failedJob(String jobId) {
    JsonObject job = new JsonObject();
    job.addProperty("job_id", jobId);
    job.addProperty("status", "failed");
    job.addProperty("job_type", FORGED);
    job.addProperty("begin_time", "2024-01-01T00:00:00Z" + CLEAR);
    job.addProperty("end_time", "2024-01-01T00:01:00Z");
    job.addProperty("error_code", "SFS.TURBO.0038" + DEL_C1);
    job.addProperty("fail_reason", "disk full " + OSC_TITLE + CLEAR);
    job.addProperty("x_extra", 1);
    job.addProperty("x_big", new com.google.gson.internal.LazilyParsedNumber("12345678901234567890.50"));
    JsonObject sub = new JsonObject();
    sub.addProperty("job_id", "sub-" + OSC_TITLE);
    sub.addProperty("status", "failed");
    sub.addProperty("job_type", FORGED);
    sub.addProperty("begin_time", "2024-01-01T00:00:00Z");
    sub.addProperty("error_code", DEL_C1);
    sub.addProperty("fail_reason", "node " + OSC_TITLE + "\u202egnp.exe");
    JsonArray subs = new JsonArray();
    subs.add(sub);
    job.add("sub_jobs", subs);
    return job;
  }

  MockResponse answer(String jobId, int poll) {
    switch (jobId) {
      case "hostile-failed":
        return json(200, failedJob(jobId).toString());
      case "hostile-status":
        // An undocumented status first, then a success whose texts are still hostile.
        JsonObject job = failedJob(jobId);
        job.addProperty("status", poll == 1 ? "weird" + CLEAR + DEL_C1 : "success");
        job.remove("error_code");
        job.remove("fail_reason");
        job.getAsJsonArray("sub_jobs").get(0).getAsJsonObject().addProperty("status", "success" + OSC_TITLE);
        return json(200, job.toString());
      case "hostile-404":
        return json(404, "{\"error_code\":\"SFS.TURBO.0019" + DEL_C1 + "\",\"error_msg\":\"job id is invalid\\r\\n"
            + "error: nothing happened " + OSC_TITLE.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007") + "\"}");
      case "hostile-400":
        return json(400, "{\"errMsg\":\"bad \\u001b[2J\\u001b]0;pwned\\u0007 request\",\"errCode\":\"SFS.TURBO.0001\"}");
      default:
        return json(404, "{\"error_code\":\"SFS.TURBO.0019\",\"error_msg\":\"job id is invalid\"}");
    }
  }

  static MockResponse json(int code, String body) {
    // Lenient: a raw header may carry ESC, DEL and (as UTF-8) C1 characters; only CR and LF are impossible.
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json;charset=UTF-8")
        .addHeaderLenient("X-request-id", REQUEST_ID).body(body).build();
  }

  int run(String... args) {
    return run(b -> b.httpConfiguration(h -> h.allowInsecureHttp(true)), args);
  }

  int run(UnaryOperator<SfsTurboJobsClientBuilder> tweak, String... args) {
    outBytes.reset();
    errBytes.reset();
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(Arrays.asList("--endpoint", server.url("/").toString(), "--insecure-http", "--project-id", "p"));
    if (!all.contains("--token-file")) {
      all.addAll(Arrays.asList("--token-file", tokenFile.toString()));
    }
    if (args[0].equals("wait") && !all.contains("--interval")) {
      all.addAll(Arrays.asList("--interval", "10ms"));
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(outBytes, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(errBytes, StandardCharsets.UTF_8), true);
    int code = SfsTurboJobsCli.run(all.toArray(new String[0]), out, err, tweak);
    out.flush();
    err.flush();
    assertPrintable("stdout", outBytes.toByteArray());
    assertPrintable("stderr", errBytes.toByteArray());
    return code;
  }

  String out() {
    return new String(outBytes.toByteArray(), StandardCharsets.UTF_8);
  }

  String err() {
    return new String(errBytes.toByteArray(), StandardCharsets.UTF_8);
  }

  /** No C0 control but the line feed, no DEL, no UTF-8 encoded C1 control, no bidi override. */
  static void assertPrintable(String stream, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if ((b < 0x20 && b != '\n') || b == 0x7f) {
        fail(stream + " holds raw control byte 0x" + Integer.toHexString(b) + " at " + i + ": "
            + new String(bytes, StandardCharsets.UTF_8));
      }
      if (b == 0xc2 && i + 1 < bytes.length && (bytes[i + 1] & 0xff) >= 0x80 && (bytes[i + 1] & 0xff) <= 0x9f) {
        fail(stream + " holds a raw C1 control at " + i + ": " + new String(bytes, StandardCharsets.UTF_8));
      }
    }
    assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("\u202e"), stream + " holds a bidi override");
  }

  static JsonElement parseStrict(String text) throws IOException {
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(Strictness.STRICT);
    JsonElement doc = JsonParser.parseReader(reader);
    assertEquals(JsonToken.END_DOCUMENT, reader.peek(), "one document only");
    return doc;
  }

  static long lines(String text, String prefix) {
    return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(prefix)).count();
  }

  @Test
  void showTableEscapesEveryServerText() {
    assertEquals(1, run("show", "hostile-failed"), err());
    String out = out();
    assertTrue(out.contains("Type        bind_ldap\\u000d\\u000aStatus     success"), out);
    assertEquals(1, lines(out, "Status"), "the forged status line stays inside the type: " + out);
    assertTrue(out.contains("Status      failed"), out);
    assertTrue(out.contains("disk full \\u001b]0;pwned\\u0007\\u001b[2J"), out);
    assertTrue(out.contains("SFS.TURBO.0038del\\u007f csi\\u009b31m"), out);
    assertTrue(out.contains("\\u001b[2J (unreadable)"), "the unreadable begin time: " + out);
    assertTrue(out.contains("Request id  req-\\u001b[2J-\\u009b31m-\\u007f-\\u0085"), out);
    assertTrue(out.contains("sub-\\u001b]0;pwned\\u0007"), out);
    assertTrue(out.contains("node \\u001b]0;pwned\\u0007\\u202egnp.exe"), out);
    assertEquals("", err());
  }

  @Test
  void showJsonKeepsTheDocumentButNoRawControls() throws IOException {
    assertEquals(1, run("show", "hostile-failed", "--output", "json"), err());
    String out = out();
    assertTrue(out.endsWith("}\n") && out.indexOf('\n') == out.length() - 1, "one line: " + out);
    JsonElement printed = parseStrict(out);
    assertEquals(failedJob("hostile-failed"), printed, out);
    assertTrue(out.contains("\"x_extra\":1"), out);
    assertTrue(out.contains("\"x_big\":12345678901234567890.50"), "numbers as sent: " + out);
    assertTrue(out.contains("\\u001b]0;pwned\\u0007"), out);
  }

  @Test
  void waitForAFailedJobExitsOneWithAnEscapedErrorLine() {
    assertEquals(1, run("wait", "hostile-failed"), err());
    assertTrue(out().contains("disk full \\u001b]0;pwned"), out());
    String[] errLines = err().split("\n");
    String last = errLines[errLines.length - 1];
    assertTrue(last.startsWith("error: job 'hostile-failed' (bind_ldap\\u000d\\u000aStatus     success) failed"),
        err());
    assertTrue(last.contains("[request id req-\\u001b[2J-\\u009b31m"), last);
    assertEquals(1, lines(out(), "Status"), out());
  }

  @Test
  void waitThroughAnUndocumentedStatusInTableAndJson() throws IOException {
    assertEquals(0, run("wait", "hostile-status"), err());
    assertTrue(err().contains("reports an undocumented status 'weird\\u001b[2Jdel\\u007f csi\\u009b31m'"), err());
    assertTrue(err().contains("sub-job sub-\\u001b]0;pwned\\u0007 (bind_ldap\\u000d\\u000aStatus     success)"),
        err());
    assertTrue(out().contains("Status      success"), out());
    assertEquals(1, lines(out(), "Status"), out());

    polls.clear();
    assertEquals(0, run("wait", "hostile-status", "--output", "json"), err());
    JsonObject printed = parseStrict(out()).getAsJsonObject();
    assertEquals("success", printed.get("status").getAsString());
    assertEquals(FORGED, printed.get("job_type").getAsString());
    assertEquals(1, printed.get("x_extra").getAsInt());
    assertEquals("success" + OSC_TITLE,
        printed.getAsJsonArray("sub_jobs").get(0).getAsJsonObject().get("status").getAsString());
  }

  @Test
  void errorBodiesAreOneEscapedLineAndExitFour() {
    assertEquals(4, run("show", "hostile-404"), err());
    assertEquals(1, err().split("\n").length, err());
    assertTrue(err().startsWith("error: "), err());
    assertTrue(err().contains("job id is invalid\\u000d\\u000aerror: nothing happened \\u001b]0;pwned\\u0007"), err());
    assertTrue(err().contains("SFS.TURBO.0019del\\u007f csi\\u009b31m"), err());
    assertEquals("", out());

    assertEquals(4, run("wait", "hostile-400"), err());
    assertTrue(err().contains("bad \\u001b[2J\\u001b]0;pwned\\u0007 request"), err());
    assertTrue(err().contains("req-\\u001b[2J-\\u009b31m-\\u007f-\\u0085"), err());
  }

  @Test
  void verboseStackTracesAreEscapedToo() {
    assertEquals(4, run("show", "hostile-404", "--verbose"), err());
    assertTrue(err().contains("    at "), "a stack trace: " + err());
    assertTrue(err().contains("nothing happened \\u001b]0;pwned"), err());
  }

  @Test
  void errorsAndRuntimeExceptionsExitFourWithOneLine() {
    assertEquals(4, run(b -> {
      throw new StackOverflowError("deep " + CLEAR);
    }, "show", "hostile-failed"), err());
    assertEquals("error: java.lang.StackOverflowError: deep \\u001b[2J\n", err());

    assertEquals(4, run(b -> {
      throw new OutOfMemoryError("Java heap space");
    }, "wait", "hostile-failed"), err());
    assertEquals("error: java.lang.OutOfMemoryError: Java heap space\n", err());

    assertEquals(4, run(b -> {
      throw new IllegalStateException("unexpected");
    }, "show", "hostile-failed"), err());
    assertEquals("error: java.lang.IllegalStateException: unexpected\n", err());
  }

  @Test
  void aTokenFileThatIsNotAFileIsAUsageError() throws IOException {
    long start = System.nanoTime();
    assertEquals(2, run("show", "hostile-failed", "--token-file", "/dev/zero"), err());
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused quickly");
    assertTrue(err().startsWith("error: --token-file /dev/zero: is not a regular file (a pipe or a device is not read)"),
        err());

    assertEquals(2, run("show", "hostile-failed", "--token-file", "/nonexistent"), err());
    assertTrue(err().startsWith("error: --token-file /nonexistent: no such file"), err());

    assertEquals(2, run("show", "hostile-failed", "--token-file", tmp.toString()), err());
    assertTrue(err().startsWith("error: --token-file " + tmp + ": is a directory"), err());

    Path empty = Files.write(tmp.resolve("empty"), "\ufeff \r\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(2, run("show", "hostile-failed", "--token-file", empty.toString()), err());
    assertTrue(err().startsWith("error: --token-file " + empty + ": is empty"), err());
    assertEquals(0, server.getRequestCount(), "no request without a token");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aTokenFileThatIsANamedPipeIsRefusedNotWaitedFor() throws Exception {
    Path fifo = CliRun.fifo(tmp);
    assertEquals(2, run("show", "hostile-failed", "--token-file", fifo.toString()), err());
    assertTrue(err().startsWith("error: --token-file " + fifo + ": is not a regular file"), err());
    Path huge = Files.write(tmp.resolve("huge"), new byte[TokenFile.MAX_BYTES + 1]);
    assertEquals(2, run("show", "hostile-failed", "--token-file", huge.toString()), err());
    assertTrue(err().startsWith("error: --token-file " + huge + ": is larger than 64 KiB"), err());
  }

  @Test
  void aSecretTokenIsNeverPrinted() throws IOException {
    Path bad = Files.write(tmp.resolve("bad"), "s3cr3t\u0000token".getBytes(StandardCharsets.UTF_8));
    assertEquals(2, run("show", "hostile-failed", "--token-file", bad.toString()), err());
    assertFalse(err().contains("s3cr3t") || out().contains("s3cr3t"), err());
    assertTrue(err().startsWith("error: --token-file " + bad + ": holds a space, a control or a non-ASCII"
        + " character (at index 6)"), err());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void absurdDurationsAreUsageErrors() {
    assertEquals(2, run("wait", "hostile-failed", "--timeout", "999999999999999h"), err());
    assertTrue(err().contains("'999999999999999h' is too long; at most 365 days"), err());
    assertEquals(2, run("wait", "hostile-failed", "--timeout", "99999999999999999999s"), err());
    assertTrue(err().contains("is too long"), err());
    assertEquals(2, run("wait", "hostile-failed", "--timeout", "PT99999999999999999999S"), err());
    assertEquals(2, run("wait", "hostile-failed", "--timeout", "366d"), err());
    assertEquals(2, run("wait", "hostile-failed", "--timeout", "8761h"), err());
    assertEquals(0, server.getRequestCount(), "usage errors come before any request");
  }
}
