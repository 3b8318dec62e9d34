// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process against its embedded emulator: output, progress and every exit code. */
@Timeout(60)
class CliTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return SfsTurboJobsCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void waitForSuccessPrintsTheJobAndProgress() {
    assertEquals(0, run("wait", "demo-success", "--emulator", "--interval", "10ms"));
    assertTrue(out.toString().contains("Status      success"), out.toString());
    assertTrue(out.toString().contains("demo-success-sub-2"), out.toString());
    assertTrue(err.toString().contains("job demo-success: waiting -> running"), err.toString());
    assertTrue(err.toString().contains("ended success after 5 polls"), err.toString());
  }

  @Test
  void failedJobExitsOneWithItsReason() {
    assertEquals(1, run("wait", "demo-failed", "--emulator", "--interval", "10ms"));
    assertTrue(out.toString().contains("SFS.TURBO.0038"), out.toString());
    assertTrue(out.toString().contains("not enough block storage"), out.toString());
    String[] errLines = err.toString().trim().split("\n");
    assertTrue(errLines[errLines.length - 1].startsWith("error: job 'demo-failed' (expand) failed"), err.toString());
    assertFalse(err.toString().contains(" at io.sfsturbo."), "no stack trace without --verbose");
  }

  @Test
  void timeoutExitsThree() {
    assertEquals(3, run("wait", "demo-running", "--emulator", "--interval", "10ms", "--timeout", "300ms"));
    assertTrue(err.toString().contains("may still be running"), err.toString());
    assertTrue(out.toString().contains("running"), "the last state is printed");
  }

  @Test
  void jsonOutputIsTheApiDocument() {
    assertEquals(0, run("wait", "demo-success", "--emulator", "--interval", "10ms", "--output", "json"));
    JsonObject doc = JsonParser.parseString(out.toString().trim()).getAsJsonObject();
    assertEquals("success", doc.get("status").getAsString());
    assertEquals("demo-success", doc.get("job_id").getAsString());
    assertEquals(2, doc.getAsJsonArray("sub_jobs").size());
  }

  @Test
  void showPrintsOnePoll() {
    assertEquals(0, run("show", "demo-running", "--emulator"));
    assertTrue(out.toString().contains("change_security_group"), out.toString());
  }

  @TempDir
  Path tmp;

  @Test
  void apiErrorsExitFourWithTheRequestId() throws Exception {
    Path tokenFile = Files.write(tmp.resolve("token"), "\ufefft0ken\r\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(4, run("show", "no-such-job", "--emulator"));
    assertTrue(err.toString().startsWith("error: ShowJobDetail of job 'no-such-job' failed: HTTP 404 SFS.TURBO.0019"),
        err.toString());
    assertTrue(err.toString().contains("[request id emu-"), err.toString());
    assertEquals(4, run("show", "x", "--endpoint", "https://127.0.0.1:1/", "--project-id", "p", "--token-file",
        tokenFile.toString()), err.toString());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("wait", "demo-success", "--emulator", "--interval", "soon"));
    assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
    assertEquals(2, run("show"));
    assertEquals(2, run("show", "x"));
    assertEquals(2, run("show", "../x", "--emulator"));
    assertEquals(2, run("show", "demo-success", "--emulator", "--output", "xml"));
    assertEquals(2, run("frobnicate"));
    assertEquals(2, run("show", "x", "--region", "mars-1", "--project-id", "p"));
  }

  @Test
  void durations() {
    DurationConverter c = new DurationConverter();
    assertEquals(Duration.ofMillis(500), c.convert("500ms"));
    assertEquals(Duration.ofSeconds(30), c.convert("30s"));
    assertEquals(Duration.ofMinutes(5), c.convert("5m"));
    assertEquals(Duration.ofHours(1), c.convert("1h"));
    assertEquals(Duration.ofSeconds(30), c.convert("PT30S"));
  }
}
