// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code wait}, for real: a separate JVM gets SIGINT (what the terminal sends; {@code Process.destroy()}
 * would send SIGTERM) while one job has ended and another is still running.
 */
@Timeout(120)
class InterruptProcessTest {
  @TempDir
  Path dir;
  Path out;
  Path err;

  @BeforeEach
  void sigintReachesChildren() throws IOException {
    // A child inherits an ignored SIGINT (a CI runner may start the build so), and the JVM then keeps ignoring it.
    Path status = Paths.get("/proc/self/status");
    assumeFalse(Files.exists(status) && Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
        .anyMatch(l -> new BigInteger(l.substring(7).trim(), 16).testBit(1)), "SIGINT is ignored in this process");
    out = dir.resolve("out.txt");
    err = dir.resolve("err.txt");
  }

  Process start(String... args) throws IOException {
    return ChildProcess.cli(dir, Map.of(), args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
  }

  String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void await(BooleanSupplier condition, Process p, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what + "\nstdout:\n" + read(out) + "\nstderr:\n" + read(err));
      }
      Thread.sleep(20);
    }
  }

  static void sigint(Process p) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -INT");
  }

  int ended(Process p) throws InterruptedException {
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not end on SIGINT\nstdout:\n" + read(out) + "\nstderr:\n" + read(err));
    }
    return p.exitValue();
  }

  @Test
  void ndjsonHasTheEndedJobsLineAtOnceAndSigintAddsOneLineOnStderr() throws Exception {
    Process p = start("wait", "demo-running", "demo-success", "--emulator", "--interval", "10ms", "-o", "ndjson");
    // Flushed the moment the job ended: the pipe shows the line while the other wait goes on.
    await(() -> read(out).contains("\"job_id\":\"demo-success\""), p, "demo-success's line on stdout");
    sigint(p);
    assertEquals(130, ended(p), read(err));
    String[] lines = read(out).split("\n");
    assertEquals(1, lines.length, read(out));
    assertEquals("demo-success",
        com.google.gson.JsonParser.parseString(lines[0]).getAsJsonObject().get("job_id").getAsString());
    assertTrue(read(err).endsWith("] job demo-running: running\ninterrupted; 1 job may still be running\n")
        || read(err).endsWith("\ninterrupted; 1 job may still be running\n"), read(err));
  }

  @Test
  void aTableOfTheEndedJobsFollowsSigint() throws Exception {
    Process p = start("wait", "demo-success", "demo-running", "--emulator", "--interval", "10ms");
    await(() -> read(err).contains("job demo-success: running -> success"), p, "demo-success's end");
    Thread.sleep(500);   // the change is heard just before its wait ends
    sigint(p);
    assertEquals(130, ended(p), read(err));
    String shown = read(out);
    assertTrue(shown.startsWith("Job         demo-success\n"), shown);
    assertTrue(shown.contains("Status      success"), shown);
    assertFalse(shown.contains("demo-running"), shown);
    assertTrue(read(err).endsWith("\ninterrupted; 1 job may still be running\n"), read(err));
  }
}
