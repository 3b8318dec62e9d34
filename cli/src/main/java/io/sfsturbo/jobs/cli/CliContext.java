// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the CLI reads from the world around it besides the command line: environment variables, the home
 * directory (for the credentials profile), whether stderr is a terminal and its size, a monotonic clock, and where
 * Ctrl-C is heard. Tests pass their own, so that no test depends on the machine's environment, profile or terminal.
 */
final class CliContext {
  /** Set by the launcher script from {@code [ -t 2 ]}: Java itself cannot tell whether stderr is a terminal. */
  static final String STDERR_TTY_PROPERTY = "sfsturbo.stderr.tty";

  final Map<String, String> env;
  final Path home;
  final boolean stderrIsTerminal;
  final LongSupplier nanoTime;
  final Interrupts interrupts;
  /** {@code stty size}'s answer for the terminal, or null; asked only when live lines are drawn. */
  private final Supplier<String> sttySize;

  /** Tests: no terminal to ask for its size, only the environment; Ctrl-C through JVM shutdown hooks. */
  CliContext(Map<String, String> env, Path home, boolean stderrIsTerminal, LongSupplier nanoTime) {
    this(env, home, stderrIsTerminal, nanoTime, Interrupts.SHUTDOWN_HOOKS, () -> null);
  }

  CliContext(Map<String, String> env, Path home, boolean stderrIsTerminal, LongSupplier nanoTime,
      Interrupts interrupts, Supplier<String> sttySize) {
    this.env = Objects.requireNonNull(env, "env");
    this.home = Objects.requireNonNull(home, "home");
    this.stderrIsTerminal = stderrIsTerminal;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.interrupts = Objects.requireNonNull(interrupts, "interrupts");
    this.sttySize = Objects.requireNonNull(sttySize, "sttySize");
  }

  /** The real environment, home directory, terminal and clock. */
  static CliContext system() {
    return new CliContext(System.getenv(), Paths.get(System.getProperty("user.home", ".")), detectTerminal(),
        System::nanoTime, Interrupts.SHUTDOWN_HOOKS, TerminalSize::stty);
  }

  /**
   * The terminal's size for live lines: a line wider than the terminal wraps, and a block taller than it scrolls,
   * and either breaks the redraw. Asks the terminal (a process): call it only when live lines are drawn.
   */
  TerminalSize terminalSize() {
    return TerminalSize.of(sttySize.get(), env);
  }

  private static boolean detectTerminal() {
    String told = System.getProperty(STDERR_TTY_PROPERTY);
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    if (System.console() == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    // From Java 22 on, System.console() exists even when redirected; isTerminal() (22+) tells the truth.
    // Looked up reflectively: the CLI is compiled for Java 8.
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(System.console());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true;
    }
  }
}
