// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI in a separate JVM on the test class path: what logging does depends on how the JVM starts,
 * and {@code emulate} must answer a process other than its own.
 */
final class ChildProcess {
  private ChildProcess() {}

  static ProcessBuilder cli(Path dir, Map<String, String> env, String... args) {
    return cli(dir, env, List.of(), args);
  }

  /** With JVM options, such as a small heap. */
  static ProcessBuilder cli(Path dir, Map<String, String> env, List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(SfsTurboJobsCli.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    // A clean environment: no credentials or profile of the machine may change the outcome.
    pb.environment().keySet().removeIf(k -> k.startsWith("HUAWEICLOUD_") || k.startsWith("SFSTURBO_"));
    pb.environment().put("HOME", dir.toString());
    // The credentials chain's last source: a closed loopback port, never the link-local 169.254.169.254.
    pb.environment().put("SFSTURBO_METADATA_ENDPOINT", "http://127.0.0.1:1");
    pb.environment().putAll(env);
    return pb;
  }

  /** Result of a finished run. */
  static final class Result {
    final int code;
    final String out;
    final String err;

    Result(int code, String out, String err) {
      this.code = code;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  static Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = cli(dir, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the CLI did not end within 60 s: " + String.join(" ", args));
    }
    return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
        new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
  }
}
