// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.retry.Backoff;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live lines on real terminals: their size found as other JVM tools find it, and their width counted in
 * columns (CJK, emoji, combining marks, escaped controls), so that no line wraps and breaks the redraw.
 */
@Timeout(120)
class TerminalTest {
  @TempDir
  Path dir;

  @Test
  void theSizeComesFromSttyThenTheEnvironmentThenTheUsualDefault() {
    Map<String, String> env = new java.util.HashMap<>();
    assertEquals(140, TerminalSize.of("40 140\n", env).columns);
    assertEquals(40, TerminalSize.of("40 140\n", env).rows);
    env.put("COLUMNS", "100");
    env.put("LINES", "30");
    assertEquals(140, TerminalSize.of("40 140", env).columns, "stty sees the terminal as it is now");
    assertEquals(100, TerminalSize.of(null, env).columns);
    assertEquals(100, TerminalSize.of("0 0", env).columns, "a pseudo-terminal without a size");
    assertEquals(30, TerminalSize.of("stty: 'standard input': Inappropriate ioctl for device", env).rows);
    assertEquals(80, TerminalSize.of(null, Map.of()).columns);
    assertEquals(24, TerminalSize.of("", Map.of()).rows);
  }

  @Test
  void sttyIsAskedOnlyWhenLiveLinesAreDrawnAndItsWidthIsUsed() {
    CliRun cli = new CliRun(dir);
    cli.sttySize = "24 140";
    String id = "job-" + "x".repeat(90);
    assertEquals(3, cli.run("wait", id, "--emulator", "--interval", "10ms", "--timeout", "1500ms"));
    assertEquals(0, cli.sttyAsked.get(), "no terminal, no live lines: no process started to measure one");
    cli.terminal = true;
    assertEquals(3, cli.run("wait", id, "--emulator", "--interval", "10ms", "--timeout", "1500ms"));
    assertEquals(1, cli.sttyAsked.get());
    // 11 + 94 + 16 columns: the id and its status on the live line, which at 80 columns would be cut.
    assertTrue(cli.err().contains("] " + id + ": not found yet"), cli.err());
  }

  /** Under {@code java -jar} (no launcher, and no COLUMNS exported by the shell) on a 140-column terminal. */
  @Test
  void aRealWideTerminalIsMeasuredWithoutTheLauncher() throws Exception {
    assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script provides the pseudo-terminal");
    String id = "job-" + "x".repeat(90);
    String java = String.join(" ", System.getProperty("java.home") + "/bin/java", "-cp",
        "'" + System.getProperty("java.class.path") + "'", SfsTurboJobsCli.class.getName(), "wait", id,
        "--emulator", "--interval", "10ms", "--timeout", "1500ms");
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qec", "stty cols 140 rows 40; exec " + java,
        dir.resolve("typescript").toString()).directory(dir.toFile())
        .redirectOutput(dir.resolve("out").toFile()).redirectErrorStream(true);
    pb.environment().remove("COLUMNS");
    pb.environment().remove("LINES");
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out");
    String seen = new String(Files.readAllBytes(dir.resolve("out")), StandardCharsets.UTF_8);
    assertEquals(3, p.exitValue(), seen);
    assertTrue(seen.contains(ProgressBoard.ERASE_LINE), "live on the terminal:\n" + seen);
    assertTrue(seen.contains("] " + id + ": not found yet"), "cut at 80 columns:\n" + seen);
  }

  @Test
  void widthIsCountedInColumnsPerCodePoint() {
    assertEquals(5, DisplayWidth.of("job-1"));
    assertEquals(4, DisplayWidth.of("\u4f5c\u4e1a"), "CJK: two columns each");
    assertEquals(6, DisplayWidth.of("\ud55c\uad6d\uc5b4"), "Hangul syllables");
    assertEquals(2, DisplayWidth.of("\uff21"), "fullwidth A");
    assertEquals(2, DisplayWidth.of("\ud83d\ude00"), "an emoji: one code point of two UTF-16 chars, two columns");
    assertEquals(1, DisplayWidth.of("e\u0301"), "a combining accent takes no column of its own");
    assertEquals(0, DisplayWidth.of("\u20dd"), "an enclosing mark neither");
    assertEquals(6, DisplayWidth.of("\\u001b"), "an escaped control, as SafeText prints it");
    assertEquals(1, DisplayWidth.of("\u00e9"));
  }

  @Test
  void aCutKeepsWholeCodePointsAndWholeEscapes() {
    // Columns 10: room for 8, then the cut mark.
    assertEquals("\u4f5c\u4e1a\u4f5c\u4e1a~", DisplayWidth.fit("\u4f5c\u4e1a\u4f5c\u4e1a\u4f5c\u4e1a", 10));
    assertEquals("abcdefg~", DisplayWidth.fit("abcdefg\u4f5c\u4e1a", 10), "a wide character that does not fit goes");
    assertEquals("abcdefg~", DisplayWidth.fit("abcdefg\ud83d\ude00xyz", 10), "never half of a surrogate pair");
    assertEquals("abcdefge\u0301~", DisplayWidth.fit("abcdefge\u0301xyz", 10), "a mark stays with its letter");
    assertEquals("abcd~", DisplayWidth.fit("abcd\\u001bxyz", 10), "never part of an escape");
    assertEquals("abcdefgh~", DisplayWidth.fit("abcdefgh\\u001b", 10), "an escape after the cut simply goes");
    assertEquals("abcdefgh", DisplayWidth.fit("abcdefgh", 10), "fits: unchanged");
    assertEquals("abcdefgh~", DisplayWidth.fit("abcdefgh\u4f5c", 10), "9 chars but 10 columns: cut");
  }

  @Test
  void aBoardLineWithWideAndEscapedTextFitsTheTerminal() {
    StringWriter written = new StringWriter();
    long[] nanos = {0};
    ProgressBoard board = new ProgressBoard(new PrintWriter(written, true), true, () -> nanos[0], 40, 24);
    Backoff backoff = Backoff.of(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(30), 0.2);
    List<String> ids = List.of("\u6269\u5bb9\u4f5c\u4e1a-\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03",
        "\ud83d\ude80\ud83d\ude80\ud83d\ude80\ud83d\ude80\ud83d\ude80\ud83d\ude80\ud83d\ude80\ud83d\ude80\ud83d\ude80",
        "cafe\u0301-cafe\u0301-cafe\u0301-cafe\u0301-cafe\u0301-cafe\u0301", "plain");
    for (String id : ids) {
      JobTrack t = board.track(id, backoff);
      JobDetail job = JobDetail.builder().jobId(id).status("\u001b[31mrunning\u001b[0m").build();
      t.onJobStatusChanged(job, null, JobStatus.RUNNING);
    }
    nanos[0] += TimeUnit.SECONDS.toNanos(1);
    board.tick();
    List<String> live = board.liveLines(nanos[0]);
    assertEquals(4, live.size());
    for (String line : live) {
      assertTrue(DisplayWidth.of(line) < 40, DisplayWidth.of(line) + " columns: " + line);
      for (int i = 0; i < line.length(); i++) {
        assertFalse(unpaired(line, i), "half a surrogate pair at " + i + ": " + line);
      }
    }
    assertEquals("[      1s] plain: \\u001b[31mrunning~", live.get(3), "cut before the escape, not inside it");
    // The redraw on a screen: no stray control character got through.
    new Screen().feed(written.toString());
  }

  static boolean unpaired(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }
}
