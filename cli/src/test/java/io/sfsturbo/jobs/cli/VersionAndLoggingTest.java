// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --version}, help texts, and the SDK's logging: silent unless {@code --verbose}, each line once. */
@Timeout(120)
class VersionAndLoggingTest {
  @TempDir
  Path dir;

  @Test
  void versionIsTheBuildsAndNamesTheJava() {
    CliRun cli = new CliRun(dir);
    assertEquals(0, cli.run("--version"));
    String expected = System.getProperty("expected.version");
    assertTrue(expected != null && !expected.isEmpty(), "surefire passes the project version");
    String[] lines = cli.out().split("\n");
    assertEquals("sfsturbo-jobs " + expected, lines[0]);
    assertTrue(lines[1].startsWith("Java " + System.getProperty("java.version")), cli.out());
    assertEquals(0, cli.run("wait", "--version"));
    assertTrue(cli.out().startsWith("sfsturbo-jobs " + expected + "\n"), cli.out());
  }

  @Test
  void eachTimeoutHasItsOwnHelpAndOutputListsItsChoices() {
    CliRun cli = new CliRun(dir);
    assertEquals(0, cli.run("wait", "--help"));
    String wait = cli.out().replaceAll("\\s+", " ");
    assertTrue(wait.contains("--timeout=DURATION The wait's deadline, for all jobs together"), wait);
    assertTrue(wait.contains("-o, --output=FORMAT Output format: table, json, ndjson (default: table)"), wait);
    assertTrue(wait.contains("--progress=MODE How progress shows on stderr: auto, live, plain, none"), wait);
    assertTrue(wait.contains("--insecure-http"), wait);
    assertTrue(wait.contains("Exit code: 0 all jobs succeeded; 1 any job failed; else 3 any wait timed out; else 4"), wait);
    assertEquals(0, cli.run("show", "--help"));
    String show = cli.out().replaceAll("\\s+", " ");
    assertTrue(show.contains("--timeout=DURATION The query's total budget"), show);
    assertFalse(show.contains("The wait's deadline"), show);
  }

  @Test
  void theSdkIsSilentWithoutVerbose() throws Exception {
    ChildProcess.Result r = ChildProcess.run(dir, Map.of(), "wait", "demo-success", "--emulator", "--interval", "10ms");
    assertEquals(0, r.code, r.toString());
    for (String line : r.err.split("\n")) {
      assertTrue(line.startsWith("[") || line.startsWith("job demo-success ended"), "not a CLI line: " + line + "\n" + r);
    }
  }

  @Test
  void verboseShowsTheSdksDebugLinesOnceEachAndNotItsStatusChangesAgain() throws Exception {
    ChildProcess.Result r = ChildProcess.run(dir, Map.of(), "wait", "demo-success", "--emulator", "--interval", "10ms",
        "--verbose");
    assertEquals(0, r.code, r.toString());
    long debug = r.err.lines().filter(l -> l.contains("DEBUG io.sfsturbo.jobs.http - GET ")).count();
    assertEquals(5, debug, "one DEBUG line per poll\n" + r);
    assertEquals(debug, r.err.lines().filter(l -> l.contains("DEBUG")).distinct().count(), r.toString());
    assertFalse(r.err.contains("INFO io.sfsturbo.jobs.waiter"), "the CLI already prints status changes\n" + r);
    assertTrue(r.err.contains("job demo-success: waiting -> running"), r.toString());
  }
}
