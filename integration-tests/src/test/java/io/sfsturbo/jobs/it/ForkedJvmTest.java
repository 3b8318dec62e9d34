// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Proves {@link ForkedJvm}: the child gets the small heap, the class path, arguments and a timeout. */
@Timeout(60)
class ForkedJvmTest {
  /** Prints its max heap in bytes and its first argument. */
  public static final class PrintMaxHeap {
    public static void main(String[] args) {
      System.out.println(Runtime.getRuntime().maxMemory() + " " + (args.length > 0 ? args[0] : ""));
      System.err.println("to stderr");
    }
  }

  /** Fills its heap. */
  public static final class ExhaustHeap {
    public static void main(String[] args) {
      List<long[]> hoard = new ArrayList<>();
      for (;;) {
        hoard.add(new long[1 << 20]);
      }
    }
  }

  /** Never ends. */
  public static final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void childRunsWithA64MebibyteHeapAndThisClassPath() {
    ForkedJvm.Result r = ForkedJvm.run(PrintMaxHeap.class, Duration.ofSeconds(30), "hello");
    assertEquals(0, r.exitCode(), r.stderr());
    String[] out = r.stdout().trim().split(" ");
    long maxHeap = Long.parseLong(out[0]);
    assertTrue(maxHeap <= 64L * 1024 * 1024 + 4 * 1024 * 1024, "max heap " + maxHeap);
    assertTrue(maxHeap >= 32L * 1024 * 1024, "max heap " + maxHeap);
    assertEquals("hello", out[1]);
    assertEquals("to stderr", r.stderr().trim());
  }

  @Test
  void anExhaustedHeapEndsTheChildNotTheTestJvm() {
    ForkedJvm.Result r = ForkedJvm.run(ExhaustHeap.class, Duration.ofSeconds(30));
    assertNotEquals(0, r.exitCode());
    assertTrue(r.stderr().contains("OutOfMemoryError") || r.stdout().contains("OutOfMemoryError"), r.stderr());
  }

  @Test
  void aChildPastItsTimeoutIsKilled() {
    long start = System.nanoTime();
    ForkedJvm.Result r = ForkedJvm.run(Sleeper.class, Duration.ofMillis(1500));
    assertTrue(r.timedOut());
    assertEquals(-1, r.exitCode());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos());
  }
}
