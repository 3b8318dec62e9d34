// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM with a small heap ({@code -Xmx64m}) and this JVM's class path:
 * for tests that try to exhaust memory, which must not take the test JVM (and every other test in
 * it) down with an {@link OutOfMemoryError}.
 *
 * <pre>{@code
 * ForkedJvm.Result r = ForkedJvm.run(HugeBodyMain.class, Duration.ofSeconds(30), "http://127.0.0.1:1234/");
 * assertEquals(0, r.exitCode(), r.stderr());
 * }</pre>
 */
public final class ForkedJvm {
  /** The child's heap limit. */
  public static final String MAX_HEAP = "-Xmx64m";
  /** At most this much of each of stdout and stderr is kept (the rest is read and dropped, so the child never blocks on a full pipe). */
  private static final int MAX_KEPT = 1024 * 1024;

  private ForkedJvm() {}

  /**
   * What a child JVM did.
   *
   * @param exitCode its exit code; -1 if it was killed at the timeout
   * @param stdout its standard output (at most 1 MiB kept)
   * @param stderr its standard error (at most 1 MiB kept)
   * @param timedOut whether it was killed at the timeout
   */
  public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {}

  /**
   * Runs {@code mainClass} with {@value #MAX_HEAP}, {@code -XX:+UseSerialGC},
   * {@code -XX:+ExitOnOutOfMemoryError} (so an
   * exhausted heap ends the child with a non-zero code instead of leaving it limping) and the
   * current class path, and waits for it.
   *
   * @param mainClass a class with a {@code public static void main(String[])}
   * @param timeout how long to wait before killing it
   * @param args its arguments
   * @return its exit code and output
   */
  public static Result run(Class<?> mainClass, Duration timeout, String... args) {
    return run(mainClass, List.of(), timeout, args);
  }

  /**
   * Runs {@code mainClass} like {@link #run(Class, Duration, String...)} with extra JVM options
   * (after the defaults, so that they win, e.g. another {@code -Xmx}).
   *
   * @param mainClass a class with a {@code public static void main(String[])}
   * @param jvmOptions extra options such as {@code -Dkey=value}
   * @param timeout how long to wait before killing it
   * @param args its arguments
   * @return its exit code and output
   */
  public static Result run(Class<?> mainClass, List<String> jvmOptions, Duration timeout, String... args) {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add(MAX_HEAP);
    command.add("-XX:+ExitOnOutOfMemoryError");
    // One GC thread: the child should not compete with the build for the cores, and a serial heap
    // of 64 MiB is what a test means by "64 MiB" (no per-thread regions on top).
    command.add("-XX:+UseSerialGC");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(Arrays.asList(args));
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + java, e);
    }
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // the child may already be gone; it reads no input anyway
    }
    // Both pipes are drained on their own threads: a child that fills one pipe while we wait on
    // the other would otherwise block for ever.
    Drain out = new Drain(process.getInputStream());
    Drain err = new Drain(process.getErrorStream());
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      out.join(5_000);
      err.join(5_000);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + mainClass.getName(), e);
    }
    return new Result(finished ? process.exitValue() : -1, out.text(), err.text(), !finished);
  }

  /** Reads a child's stream to its end, keeping the first {@link #MAX_KEPT} bytes. */
  private static final class Drain extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    Drain(InputStream in) {
      super("forked-jvm-drain");
      this.in = in;
      setDaemon(true);
      start();
    }

    @Override
    public void run() {
      byte[] buf = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buf)) >= 0; ) {
          synchronized (kept) {
            int room = MAX_KEPT - kept.size();
            if (room > 0) {
              kept.write(buf, 0, Math.min(n, room));
            }
          }
        }
      } catch (IOException e) {
        // the child was killed: what was read so far is kept
      }
    }

    String text() {
      synchronized (kept) {
        return kept.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
