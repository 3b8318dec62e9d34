// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The terminal's size, for the live progress lines, which must neither wrap nor outgrow it.
 *
 * <p>Java cannot ask the terminal itself, so the CLI asks {@code stty size} with the terminal as its stdin, as
 * JVM command-line tools do; then {@code COLUMNS} and {@code LINES}, which the launcher exports but a shell
 * usually does not (so under {@code java -jar} they are rarely there); then 80 by 24. It is asked only when the
 * live lines are drawn, so a run that is not on a terminal starts no process.
 */
final class TerminalSize {
  /** The usual size when nothing better is known. */
  static final TerminalSize DEFAULT = new TerminalSize(80, 24);
  /** Long enough for {@code stty} on a loaded machine, short enough that nobody waits for it. */
  static final long STTY_TIMEOUT_MILLIS = 500;

  final int columns;
  final int rows;

  TerminalSize(int columns, int rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * The size from {@code stty size}'s output ({@code "rows columns"}), else the environment, else the default;
   * each dimension on its own, and only within sane bounds (a pseudo-terminal without a size says {@code 0 0}).
   */
  static TerminalSize of(String sttyOutput, Map<String, String> env) {
    int sttyRows = -1;
    int sttyColumns = -1;
    if (sttyOutput != null) {
      String[] parts = sttyOutput.trim().split("\\s+");
      if (parts.length == 2) {
        sttyRows = number(parts[0]);
        sttyColumns = number(parts[1]);
      }
    }
    return new TerminalSize(pick(sttyColumns, env.get("COLUMNS"), 20, DEFAULT.columns),
        pick(sttyRows, env.get("LINES"), 2, DEFAULT.rows));
  }

  private static int pick(int measured, String variable, int least, int otherwise) {
    if (measured >= least && measured <= 1000) {
      return measured;
    }
    int told = variable == null ? -1 : number(variable.trim());
    return told >= least && told <= 1000 ? told : otherwise;
  }

  private static int number(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Runs {@code stty size} on the controlling terminal; null when there is none, or it fails or hangs. */
  static String stty() {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      // Not a Unix-like system: no stty to ask.
      return null;
    }
    Process p;
    try {
      p = new ProcessBuilder("stty", "size").redirectInput(tty).redirectError(new File("/dev/null")).start();
    } catch (IOException | RuntimeException noTerminalOrNoStty) {
      // No controlling terminal (opening /dev/tty fails), or no stty on the PATH.
      return null;
    }
    try {
      if (!p.waitFor(STTY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
        return null;
      }
      // It has ended: its few bytes are all there, so this read does not block.
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64];
      try (InputStream in = p.getInputStream()) {
        int n;
        while (out.size() < 256 && (n = in.read(buf)) > 0) {
          out.write(buf, 0, n);
        }
      }
      return new String(out.toByteArray(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      p.destroyForcibly();
    }
  }
}
