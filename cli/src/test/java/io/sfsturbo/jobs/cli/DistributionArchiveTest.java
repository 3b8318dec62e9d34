// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable archive, unpacked as a person would: the launcher runs the CLI (also through a symlink,
 * as from /usr/local/bin), and the completion script completes commands and option values. Runs in the
 * package phase, once the archive exists (see the cli pom).
 */
@Timeout(120)
class DistributionArchiveTest {
  @TempDir
  Path dir;
  Path home;
  final String version = System.getProperty("expected.version");

  @BeforeEach
  void unpack() throws Exception {
    assumeTrue(new File("/bin/sh").canExecute() && new File("/bin/bash").canExecute(), "a POSIX shell");
    Path archive = Paths.get(System.getProperty("build.directory"), "sfsturbo-jobs-" + version + ".tar.gz");
    assertTrue(Files.isRegularFile(archive), "built by the package phase: " + archive);
    assertEquals(0, sh("tar xzf '" + archive + "'").code);
    home = dir.resolve("sfsturbo-jobs-" + version);
  }

  ChildProcess.Result sh(String script) throws Exception {
    // No class-data archive unless a test asks for one: the first run would make it in the background, which
    // could still be writing into the temporary directory when the test ends.
    return sh(script, Map.of("SFSTURBO_JOBS_CDS", "off"));
  }

  ChildProcess.Result sh(String script, Map<String, String> env) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", script).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("HUAWEICLOUD_") || k.startsWith("SFSTURBO_"));
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().keySet().removeIf(k -> k.equals("XDG_CACHE_HOME") || k.endsWith("JAVA_OPTIONS"));
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + script);
    return new ChildProcess.Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void theLauncherRunsTheCliAlsoThroughASymlink() throws Exception {
    assertTrue(Files.isExecutable(home.resolve("bin/sfsturbo-jobs")), "executable in the archive");
    ChildProcess.Result v = sh("'" + home + "/bin/sfsturbo-jobs' --version");
    assertEquals(0, v.code, v.toString());
    assertTrue(v.out.startsWith("sfsturbo-jobs " + version + "\nJava "), v.toString());

    Files.createDirectories(dir.resolve("usr-local-bin"));
    Files.createSymbolicLink(dir.resolve("usr-local-bin/sfsturbo-jobs"), home.resolve("bin/sfsturbo-jobs"));
    ChildProcess.Result w = sh("usr-local-bin/sfsturbo-jobs wait demo-failed --emulator --interval 10ms -o json");
    assertEquals(1, w.code, w.toString());
    assertTrue(w.out.startsWith("{") && w.out.contains("\"job_id\":\"demo-failed\""), w.toString());
    assertTrue(!w.err.contains("\u001b"), "stderr is a file here: log lines, no redraws\n" + w);

    ChildProcess.Result bad = sh("'" + home + "/bin/sfsturbo-jobs' wait");
    assertEquals(2, bad.code, bad.toString());
    assertEquals(List.of("error: Missing required parameter: 'JOB_ID'",
        "Try 'sfsturbo-jobs wait --help' for more information."), bad.err.lines().toList());
  }

  @Test
  void theLauncherTellsTheCliThatStderrIsATerminalEvenWhenStdoutIsAFile() throws Exception {
    assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script provides the pseudo-terminal");
    // Java alone sees no console when stdout is redirected; the launcher's [ -t 2 ] still finds the terminal.
    ChildProcess.Result r = sh("/usr/bin/script -qec \"'" + home + "/bin/sfsturbo-jobs' wait demo-success --emulator "
        + "--interval 10ms > job.txt\" typescript");
    assertEquals(0, r.code, r.toString());
    assertTrue(r.out.contains(ProgressBoard.ERASE_LINE), "live progress on the terminal:\n" + r);
    assertTrue(Files.readString(dir.resolve("job.txt")).contains("Status      success"));
  }

  @Test
  void theCompletionScriptCompletesCommandsAndChoices() throws Exception {
    String completion = home.resolve("completion/sfsturbo-jobs.bash").toString();
    ChildProcess.Result r = sh("source '" + completion + "' 2>/dev/null; "
        + "COMP_WORDS=(sfsturbo-jobs wa); COMP_CWORD=1; COMP_LINE='sfsturbo-jobs wa'; COMP_POINT=${#COMP_LINE}; "
        + "_complete_sfsturbo-jobs sfsturbo-jobs wa sfsturbo-jobs; echo \"${COMPREPLY[@]}\"; "
        + "COMP_WORDS=(sfsturbo-jobs wait -o ''); COMP_CWORD=3; COMP_LINE='sfsturbo-jobs wait -o '; "
        + "COMP_POINT=${#COMP_LINE}; _complete_sfsturbo-jobs sfsturbo-jobs '' -o 2>/dev/null; echo \"${COMPREPLY[@]}\"");
    assertEquals(0, r.code, r.toString());
    assertEquals(List.of("wait", "table json ndjson"), r.out.lines().toList(), r.toString());
  }

  @Test
  void theLauncherKeepsAClassDataArchiveWithoutSayingSo() throws Exception {
    String launcher = "'" + home + "/bin/sfsturbo-jobs'";
    Path cache = dir.resolve(".cache/sfsturbo-jobs");
    ChildProcess.Result off = sh(launcher + " wait demo-failed --emulator --interval 10ms -o json");

    // The install step: the archive is made now, then the command runs with it, printing what it always prints.
    ChildProcess.Result create = sh(launcher + " --version", Map.of("SFSTURBO_JOBS_CDS", "create"));
    assertEquals(0, create.code, create.toString());
    assertTrue(create.out.startsWith("sfsturbo-jobs " + version + "\nJava "), create.toString());
    assertEquals("", create.err);
    assertEquals(1, archives(cache).size(), "one archive, nothing left over: " + listing(cache));

    // Later runs map the CLI's classes from it; output, exit code and stderr as without it.
    ChildProcess.Result with = sh(launcher + " wait demo-failed --emulator --interval 10ms -o json",
        Map.of("SFSTURBO_JOBS_CDS", "auto", "JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + dir.resolve("classes.txt")));
    assertEquals(off.code, with.code, with.toString());
    assertEquals(off.out.replaceAll("\"(begin|end)_time\":\"[^\"]*\"", ""),
        with.out.replaceAll("\"(begin|end)_time\":\"[^\"]*\"", ""));
    assertEquals(withoutTimes(off.err), withoutTimes(with.err.lines()
        .filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).collect(java.util.stream.Collectors.joining("\n"))));
    assertTrue(Files.readString(dir.resolve("classes.txt"))
        .contains("io.sfsturbo.jobs.cli.SfsTurboJobsCli source: shared objects file"), "loaded from the archive");
    // picocli too: compiled from its sources for Java 8 (see the cli pom), since the JVM archives no Java 5 class
    // file, which its own jar holds.
    assertTrue(Files.readString(dir.resolve("classes.txt"))
        .contains("picocli.CommandLine source: shared objects file"), "picocli loaded from the archive");

    // Where no archive can be written, the command runs as ever and says nothing about it.
    Files.writeString(dir.resolve("not-a-directory"), "");
    ChildProcess.Result readOnly = sh(launcher + " --version",
        Map.of("SFSTURBO_JOBS_CDS", "auto", "SFSTURBO_JOBS_CACHE", dir.resolve("not-a-directory/cache").toString()));
    assertEquals(0, readOnly.code, readOnly.toString());
    assertEquals(create.out, readOnly.out);
    assertEquals("", readOnly.err);

    // A jar replaced in place, even by an older build: its first run starts a new training in the background and
    // returns at once with its own output (a command substitution does not wait for the training).
    Path jar = home.resolve("lib/sfsturbo-jobs.jar");
    java.nio.file.attribute.FileTime older = java.nio.file.attribute.FileTime.fromMillis(0);
    Files.setLastModifiedTime(jar, older);
    ChildProcess.Result first = sh("v=$(" + launcher + " --version); echo \"$v\"", Map.of("SFSTURBO_JOBS_CDS", "auto"));
    assertEquals(create.out, first.out);
    assertEquals("", first.err);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while ((archives(cache).isEmpty() || !Files.getLastModifiedTime(cache.resolve(archives(cache).get(0))).equals(older)
        || listing(cache).stream().anyMatch(f -> f.endsWith(".lock"))) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(1, archives(cache).size(), "the archive of the new jar replaced the old one: " + listing(cache));
    assertEquals(older, Files.getLastModifiedTime(cache.resolve(archives(cache).get(0))), "stamped with the new jar's time");
    assertTrue(listing(cache).stream().allMatch(f -> f.endsWith(".jsa") || f.endsWith(".aot") || f.endsWith(".jdk")),
        listing(cache).toString());
  }

  @Test
  void theJarCarriesPicocliWithItsLicenceNotice() throws Exception {
    // picocli is compiled into the jar from its sources (see the cli pom): its notice must travel with it.
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(home.resolve("lib/sfsturbo-jobs.jar").toFile())) {
      java.util.jar.JarEntry notice = jar.getJarEntry("META-INF/NOTICE-picocli.txt");
      assertTrue(notice != null, "META-INF/NOTICE-picocli.txt in the jar");
      String text = new String(jar.getInputStream(notice).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.contains("picocli 4.") && text.contains("Copyright 2017 Remko Popma")
          && text.contains("Licensed under the Apache License, Version 2.0"), text);
      // Java 8 class files (major version 52), which class-data archives can hold, unlike picocli's own jar's.
      byte[] head = jar.getInputStream(jar.getJarEntry("picocli/CommandLine.class")).readNBytes(8);
      assertEquals(52, ((head[6] & 0xff) << 8) | (head[7] & 0xff), "picocli.CommandLine's class file version");
    }
  }

  /** The progress lines without their elapsed times. */
  static List<String> withoutTimes(String err) {
    return err.lines().map(l -> l.replaceFirst("^\\[[^]]*\\] ", "")).toList();
  }

  static List<String> listing(Path cache) throws Exception {
    try (Stream<Path> files = Files.list(cache)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  static List<String> archives(Path cache) throws Exception {
    return listing(cache).stream().filter(f -> f.endsWith(".jsa") || f.endsWith(".aot")).toList();
  }
}
