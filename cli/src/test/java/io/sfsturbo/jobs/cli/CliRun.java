// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process with an environment, home directory and terminal of the test's choosing, so
 * that no test depends on the variables, profile or terminal of the machine it runs on.
 */
final class CliRun {
  final Map<String, String> env = new HashMap<>();
  final Path home;
  boolean terminal;
  /** Stands in for {@code stty size} on the terminal (null: no answer); counts how often it is asked. */
  volatile String sttySize;
  final java.util.concurrent.atomic.AtomicInteger sttyAsked = new java.util.concurrent.atomic.AtomicInteger();
  /** What the command registered to run on Ctrl-C, while it is registered: {@link #interrupt()} runs it. */
  private volatile Runnable onInterrupt;
  volatile StringWriter out = new StringWriter();
  volatile StringWriter err = new StringWriter();

  CliRun(Path home) {
    this.home = home;
    // The credentials chain's last source: a closed loopback port, never the link-local 169.254.169.254.
    env.put("SFSTURBO_METADATA_ENDPOINT", "http://127.0.0.1:1");
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Interrupts interrupts = task -> {
      onInterrupt = task;
      return () -> onInterrupt = null;
    };
    CliContext ctx = new CliContext(env, home, terminal, System::nanoTime, interrupts, () -> {
      sttyAsked.incrementAndGet();
      return sttySize;
    });
    return SfsTurboJobsCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), ctx, null);
  }

  /** Ctrl-C, as the JVM's shutdown hook would run it; false when the command has nothing registered. */
  boolean interrupt() {
    Runnable task = onInterrupt;
    if (task != null) {
      task.run();
    }
    return task != null;
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Makes a named pipe in a directory (skips the test where mkfifo cannot): reading it blocks until a writer comes. */
  static Path fifo(Path dir) throws java.io.IOException, InterruptedException {
    Path fifo = dir.resolve("fifo");
    org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
        "mkfifo makes a named pipe");
    return fifo;
  }
}
