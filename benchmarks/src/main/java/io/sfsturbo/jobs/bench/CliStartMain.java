// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import io.sfsturbo.jobs.testkit.EmulatorAuth;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI start-up report: how long a cold {@code sfsturbo-jobs} takes, each run a new JVM, as an operator's
 * script sees it. The emulator serves one job from this JVM; every run is a child process started through the
 * distribution's launcher ({@code bin/sfsturbo-jobs}), the real user path:
 * <ul>
 *   <li>{@code show}: {@code sfsturbo-jobs show JOB --endpoint URL --insecure-http --project-id ...}, with the
 *       token in {@code SFSTURBO_AUTH_TOKEN};
 *   <li>{@code version}: {@code sfsturbo-jobs --version};
 *   <li>{@code raw_java}: the same GET from the smallest Java program ({@link RawHttpGet}, plain
 *       {@code HttpURLConnection}, run from the classes directory), the floor that a JVM start and one call cost;
 *   <li>{@code show_no_cds} (printed, not in the line): {@code show} with {@code SFSTURBO_JOBS_CDS=off}, the
 *       launcher's class-data archive left out.
 * </ul>
 * The launcher and the raw call run on this JVM's Java ({@code JAVA_HOME}). The commands take turns, round by
 * round, so that a drift of the machine's speed reaches all of them alike. The first run creates the launcher's
 * class-data archive as an install step would ({@code SFSTURBO_JOBS_CDS=create}, into a fresh cache directory,
 * {@code XDG_CACHE_HOME}); it and the further warm-up rounds are not counted. Every run must exit 0, print what
 * it should and nothing on stderr.
 *
 * <p>Arguments: the results file, the launcher, the directory of {@link RawHttpGet}'s classes, a scratch
 * directory. System properties: {@code cli.runs} (counted rounds, default 15), {@code cli.warmup} (rounds not
 * counted, default 2). Writes {@code cli-start: show_ms=<median> version_ms=<median> raw_java_ms=<median>}.
 */
public final class CliStartMain {
  static final String PROJECT = "bench-project";
  static final String TOKEN = "bench-token";
  static final String JOB = "bench-job-1";

  private CliStartMain() {}

  public static void main(String[] args) throws Exception {
    Path resultsFile = Paths.get(args[0]);
    String launcher = Paths.get(args[1]).toAbsolutePath().toString();
    String rawClasses = Paths.get(args[2]).toAbsolutePath().toString();
    Path scratch = Paths.get(args[3]).toAbsolutePath();
    int runs = Integer.getInteger("cli.runs", 15);
    int warmup = Math.max(1, Integer.getInteger("cli.warmup", 2));
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Path cache = scratch.resolve("cache");
    deleteTree(scratch);
    Files.createDirectories(cache);

    SfsTurboEmulator.Builder builder = SfsTurboEmulator.builder().projectId(PROJECT).auth(EmulatorAuth.token(TOKEN))
        .journal(false);
    try (SfsTurboEmulator emulator = builder.build().start()) {
      // A job that stays where it is, so that every run prints the same: running, with two sub-jobs.
      emulator.addJob(JobScript.builder(JOB).jobType("expand").status("running", 1).neverEnds()
          .subJob(JobScript.builder(JOB + "-sub-1").jobType("expand_node").status("running", 1).neverEnds())
          .subJob(JobScript.builder(JOB + "-sub-2").jobType("expand_node").status("waiting", 1).neverEnds())
          .build());
      String endpoint = emulator.endpoint().toString();
      String url = emulator.endpoint().resolve("v1/" + PROJECT + "/sfs-turbo/jobs/" + JOB).toString();

      Map<String, Command> commands = new LinkedHashMap<>();
      commands.put("show", new Command("Job         " + JOB, launcher, "show", JOB, "--endpoint", endpoint,
          "--insecure-http", "--project-id", PROJECT));
      commands.put("version", new Command("sfsturbo-jobs ", launcher, "--version"));
      commands.put("raw_java", new Command("\"job_id\":\"" + JOB + "\"", java, "-cp", rawClasses,
          RawHttpGet.class.getName(), url, TOKEN));
      commands.put("show_no_cds", new Command("Job         " + JOB, launcher, "show", JOB, "--endpoint", endpoint,
          "--insecure-http", "--project-id", PROJECT).env("SFSTURBO_JOBS_CDS", "off"));
      for (Command c : commands.values()) {
        c.env("XDG_CACHE_HOME", cache.toString());
      }

      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      // The first run: no archive yet; the launcher creates it (an install step) and then runs the command.
      long first = commands.get("show").copy().env("SFSTURBO_JOBS_CDS", "create").run(scratch, "first");
      System.out.printf(Locale.ROOT, "  show, first run (creates the class-data archive if the launcher makes one): %d ms%n",
          first / 1_000_000);
      for (int round = 0; round < warmup + runs; round++) {
        for (Map.Entry<String, Command> e : commands.entrySet()) {
          long nanos = e.getValue().run(scratch, e.getKey());
          if (round >= warmup) {
            e.getValue().times.add(nanos);
          }
        }
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

      System.out.printf(Locale.ROOT, "  %d runs each after %d warm-up rounds, in turns; load average %.2f before, %.2f after%n",
          runs, warmup, load, loadAfter);
      System.out.printf(Locale.ROOT, "  %-12s %8s %8s %8s%n", "ms", "min", "median", "max");
      for (Map.Entry<String, Command> e : commands.entrySet()) {
        long[] t = e.getValue().times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %-12s %8d %8d %8d%n", e.getKey(), t[0] / 1_000_000, median(t) / 1_000_000,
            t[t.length - 1] / 1_000_000);
      }
      long show = median(commands.get("show").sorted());
      long raw = median(commands.get("raw_java").sorted());
      System.out.printf(Locale.ROOT, "  show/raw_java = %.2f, show_no_cds/raw_java = %.2f (medians)%n",
          (double) show / raw, (double) median(commands.get("show_no_cds").sorted()) / raw);
      String line = String.format(Locale.ROOT, "cli-start: show_ms=%d version_ms=%d raw_java_ms=%d%n", show / 1_000_000,
          median(commands.get("version").sorted()) / 1_000_000, raw / 1_000_000);
      Files.write(resultsFile, line.getBytes(StandardCharsets.UTF_8));
    }
  }

  static long median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
        paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** One command line, its environment, and its times in nanoseconds. */
  static final class Command {
    final String expected;
    final List<String> argv;
    final Map<String, String> env = new LinkedHashMap<>();
    final List<Long> times = new ArrayList<>();

    Command(String expected, String... argv) {
      this.expected = expected;
      this.argv = Arrays.asList(argv);
    }

    Command env(String key, String value) {
      env.put(key, value);
      return this;
    }

    Command copy() {
      Command c = new Command(expected, argv.toArray(new String[0]));
      c.env.putAll(env);
      return c;
    }

    long[] sorted() {
      return times.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Runs it once and returns its wall time; fails unless it exits 0, prints what it should and no stderr. */
    long run(Path scratch, String name) throws Exception {
      File out = scratch.resolve(name + ".out").toFile();
      File err = scratch.resolve(name + ".err").toFile();
      ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(out).redirectError(err)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> e = pb.environment();
      e.keySet().removeIf(k -> k.startsWith("HUAWEICLOUD_") || k.startsWith("SFSTURBO_") || k.equals("JAVA_TOOL_OPTIONS")
          || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
      e.put("JAVA_HOME", System.getProperty("java.home"));
      e.put("SFSTURBO_AUTH_TOKEN", TOKEN);
      e.putAll(env);
      long t0 = System.nanoTime();
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(name + " did not end within 120 s: " + argv);
      }
      long nanos = System.nanoTime() - t0;
      String stdout = new String(Files.readAllBytes(out.toPath()), StandardCharsets.UTF_8);
      String stderr = new String(Files.readAllBytes(err.toPath()), StandardCharsets.UTF_8);
      if (p.exitValue() != 0 || !stdout.contains(expected) || !stderr.isEmpty()) {
        throw new IllegalStateException(name + " exited " + p.exitValue() + " (expected 0, stdout with '" + expected
            + "', no stderr): " + argv + " " + env + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr);
      }
      return nanos;
    }
  }
}
