// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a wait's jobs are reported as they end: NDJSON lines as each job ends, end lines on the progress's own
 * clock and in good English, a silent stderr with {@code --progress none}, and what Ctrl-C leaves on screen.
 */
@Timeout(60)
class WaitEndingsTest {
  @TempDir
  Path home;
  CliRun cli;
  SfsTurboEmulator emulator;

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().build().start();
    emulator.addJob(JobScript.builder("ok-1").status("running", 2).succeeds().build());
    emulator.addJob(JobScript.builder("at-once").succeeds().build());
    emulator.addJob(JobScript.builder("forever").status("running", 1).neverEnds().build());
    cli = new CliRun(home);
    cli.env.put("SFSTURBO_AUTH_TOKEN", "emulator-token");
    cli.env.put("HUAWEICLOUD_SDK_PROJECT_ID", emulator.projectId());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  String[] args(String... args) {
    List<String> all = new ArrayList<>(List.of("wait"));
    all.addAll(List.of(args));
    all.addAll(List.of("--endpoint", emulator.endpoint().toString(), "--insecure-http", "--interval", "20ms"));
    return all.toArray(new String[0]);
  }

  /** Runs the CLI on another thread, as a person at a terminal would while watching it. */
  Thread background(int[] code, String... args) {
    Thread t = new Thread(() -> code[0] = cli.run(args), "cli");
    t.start();
    return t;
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void ndjsonPrintsEachJobsLineWhenThatJobEnds() throws Exception {
    int[] code = {-1};
    Thread run = background(code, args("forever", "ok-1", "-o", "ndjson", "--timeout", "3s"));
    await(() -> cli.out().contains("\"job_id\":\"ok-1\""), "ok-1's line");
    assertTrue(run.isAlive(), "ok-1's line came while the other job was still waited for");
    assertTrue(cli.out().endsWith("\n"), "a whole line: " + cli.out());
    run.join();
    assertEquals(ExitCodes.TIMEOUT, code[0], cli.err());
    String[] lines = cli.out().split("\n");
    assertEquals(2, lines.length, cli.out());
    assertEquals("ok-1", JsonParser.parseString(lines[0]).getAsJsonObject().get("job_id").getAsString());
    assertEquals("forever", JsonParser.parseString(lines[1]).getAsJsonObject().get("job_id").getAsString(),
        "the timed-out job's last state, when its wait ended");
  }

  @Test
  void theEndLineUsesTheProgressClockAndCountsInGoodEnglish() {
    assertEquals(0, cli.run(args("ok-1", "at-once", "--progress", "plain")), cli.err());
    String err = cli.err();
    Matcher change = Pattern.compile("\\[ *([^\\]]+)\\] job ok-1: running -> success\n").matcher(err);
    Matcher end = Pattern.compile("job ok-1 ended success after 3 polls in (\\S+)\n").matcher(err);
    assertTrue(change.find() && end.find(), err);
    assertTrue(millis(end.group(1)) >= millis(change.group(1)),
        "ended after " + end.group(1) + " but its last change was stamped " + change.group(1) + ":\n" + err);
    assertTrue(err.contains("job at-once ended success after 1 poll in "), err);
  }

  @Test
  void progressNoneLeavesStderrEmptyForASuccessfulWait() {
    assertEquals(0, cli.run(args("ok-1", "at-once", "--progress", "none")), cli.err());
    assertEquals("", cli.err());
    assertEquals(2, cli.out().split("Status      success").length - 1, cli.out());
    assertEquals(ExitCodes.TIMEOUT, cli.run(args("ok-1", "forever", "--progress", "none", "--timeout", "1s")));
    assertTrue(cli.err().startsWith("error: gave up waiting for job 'forever'"), "errors still show: " + cli.err());
    assertFalse(cli.err().contains("ok-1"), cli.err());
  }

  @Test
  void ctrlCErasesTheLiveLinesAndPrintsWhatHadEnded() throws Exception {
    cli.terminal = true;
    int[] code = {-1};
    Thread run = background(code, args("forever", "ok-1", "--timeout", "4s"));
    // The live line says a job ended only after the report has it.
    await(() -> cli.err().contains("ok-1: success after 3 polls in "), "ok-1's end on its live line");
    assertTrue(cli.interrupt(), "the wait listens for Ctrl-C");
    String err = cli.err();
    String out = cli.out();
    List<String> screen = new Screen().feed(err).lines();
    assertEquals("interrupted; 1 job may still be running", screen.get(screen.size() - 1), String.join("\n", screen));
    assertFalse(screen.stream().anyMatch(l -> l.contains("polls,") || l.contains("success after")),
        "no live line is left behind:\n" + String.join("\n", screen));
    assertTrue(out.startsWith("Job         ok-1\n"), out);
    assertTrue(out.contains("Status      success"), out);
    assertFalse(out.contains("forever"), out);
    run.join();
    assertEquals(ExitCodes.INTERRUPTED, code[0]);
    assertEquals(err, cli.err(), "nothing more once interrupted");
    assertEquals(out, cli.out(), "nothing more once interrupted");
  }

  @Test
  void ctrlCPrintsTheEndedJobsAsAJsonArrayForSeveral() throws Exception {
    int[] code = {-1};
    Thread run = background(code, args("forever", "ok-1", "at-once", "-o", "json", "--timeout", "4s",
        "--progress", "plain"));
    await(() -> cli.err().contains("job ok-1: running -> success"), "ok-1's end");
    Thread.sleep(200);   // the change is heard just before the wait ends
    assertTrue(cli.interrupt());
    run.join();
    assertEquals(ExitCodes.INTERRUPTED, code[0]);
    assertTrue(cli.err().endsWith("\ninterrupted; 1 job may still be running\n"), cli.err());
    List<String> ids = new ArrayList<>();
    JsonParser.parseString(cli.out()).getAsJsonArray().forEach(j -> ids.add(j.getAsJsonObject().get("job_id").getAsString()));
    assertEquals(List.of("ok-1", "at-once"), ids, "the ended jobs, in the order given");
  }

  /** {@code 850ms}, {@code 4.2s}: the forms {@code DurationText} uses under a minute. */
  static long millis(String text) {
    return text.endsWith("ms") ? Long.parseLong(text.substring(0, text.length() - 2))
        : Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000)).toMillis();
  }
}
