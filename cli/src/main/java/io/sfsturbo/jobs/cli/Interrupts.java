// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

/**
 * Where the CLI hears that it is asked to stop (Ctrl-C's SIGINT, SIGTERM, SIGHUP). In a real run this is a JVM
 * shutdown hook, which needs no signal API and works alike under {@code java -jar} and the launcher (which
 * {@code exec}s the JVM): the JVM runs the hook, then exits with 128 + the signal's number (130 for Ctrl-C) while
 * the waits are still running. Tests pass their own and fire it.
 */
interface Interrupts {
  /** A task registered to run on interruption; closing it withdraws the task. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Runs the task when the process is asked to stop, until the registration is closed. */
  Registration register(Runnable task);

  /** JVM shutdown hooks. */
  Interrupts SHUTDOWN_HOOKS = task -> {
    Thread hook = new Thread(task, "sfsturbo-jobs-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    return () -> {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting and runs the hook anyway.
      }
    };
  };
}
