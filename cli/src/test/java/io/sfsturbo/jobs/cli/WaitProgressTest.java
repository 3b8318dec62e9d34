// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code wait}'s progress end to end: live on a (simulated, then real pseudo-) terminal, plain in a log. */
@Timeout(120)
class WaitProgressTest {
  @TempDir
  Path dir;

  @Test
  void onATerminalTheLiveLinesAreRedrawnAndGoneAtTheEnd() {
    CliRun cli = new CliRun(dir);
    cli.terminal = true;
    assertEquals(3, cli.run("wait", "demo-success", "demo-running", "--emulator", "--interval", "10ms",
        "--timeout", "1500ms"), cli.err());
    String raw = cli.err();
    assertTrue(raw.contains(ProgressBoard.ERASE_LINE) && raw.contains(ProgressBoard.CURSOR_UP), raw);
    assertTrue(raw.contains("demo-running: running, "), "a live line of the job whose status never changes");
    List<String> screen = new Screen().feed(raw).lines();
    // What stays on screen: the changes, then the summary; no live line is left behind.
    assertTrue(screen.stream().anyMatch(l -> l.endsWith("] job demo-success: waiting -> running")),
        String.join("\n", screen));
    assertFalse(screen.stream().anyMatch(l -> l.contains("polls,") || l.contains("next poll")), String.join("\n", screen));
    assertEquals("2 jobs: 1 succeeded, 0 failed, 1 timed out, 0 errors", screen.get(screen.size() - 1));
  }

  @Test
  void moreJobsThanTheTerminalHasRowsStayOnIt() {
    CliRun cli = new CliRun(dir);
    cli.terminal = true;
    cli.env.put("LINES", "2");
    assertEquals(1, cli.run("wait", "demo-success", "demo-failed", "--emulator", "--interval", "10ms"), cli.err());
    // The 2-row screen fails on a cursor up from its top row; one row is left for the count alone.
    new Screen(2).feed(cli.err());
    assertTrue(cli.err().contains("] ... and 2 more ("), cli.err());
  }

  @Test
  void inALogThereIsNoControlSequence() {
    CliRun cli = new CliRun(dir);
    assertEquals(0, cli.run("wait", "demo-success", "--emulator", "--interval", "10ms"), cli.err());
    assertFalse(cli.err().contains("\u001b") || cli.err().contains("\r"), cli.err());
    assertTrue(cli.err().contains("] job demo-success: waiting -> running\n"), cli.err());
    cli.terminal = true;
    assertEquals(0, cli.run("wait", "demo-success", "--emulator", "--interval", "10ms", "--progress", "plain"));
    assertFalse(cli.err().contains("\u001b"), "--progress plain wins over the terminal");
    assertEquals(0, cli.run("wait", "demo-success", "--emulator", "--interval", "10ms", "--progress", "none"));
    assertEquals("", cli.err(), "--progress none: a successful wait says nothing on stderr");
  }

  @Test
  void onARealPseudoTerminalAutoModeIsLive() throws Exception {
    assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script provides the pseudo-terminal");
    String cmd = String.join(" ", System.getProperty("java.home") + "/bin/java", "-cp",
        "'" + System.getProperty("java.class.path") + "'", SfsTurboJobsCli.class.getName(), "wait", "demo-success",
        "--emulator", "--interval", "10ms");
    Path typescript = dir.resolve("typescript");
    Process p = new ProcessBuilder("/usr/bin/script", "-qec", cmd, typescript.toString()).directory(dir.toFile())
        .redirectOutput(dir.resolve("out").toFile()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out");
    String seen = new String(Files.readAllBytes(dir.resolve("out")), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), seen);
    assertTrue(seen.contains(ProgressBoard.ERASE_LINE), "live redraws on a terminal:\n" + seen);
    assertTrue(seen.contains("Status      success"), seen);
  }
}
