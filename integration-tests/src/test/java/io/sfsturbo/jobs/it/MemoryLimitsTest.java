// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.CallOptions;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bodies are read only up to {@code maxResponseBytes}, counted after decompression: a 200 MB body
 * (with a length, chunked), a job with a million sub-jobs and a 1 GB gzip bomb each end with a
 * {@link io.sfsturbo.jobs.errors.ResponseDecodingException} naming the limit, in a child JVM of
 * 64 MiB heap that would die of an {@link OutOfMemoryError} otherwise; a 3 s wait against a
 * 200 MB body ends with a {@link io.sfsturbo.jobs.waiter.WaitTimeoutException}. The servers run
 * here; each case gets its own child, which gets the server's URL.
 */
class MemoryLimitsTest {
  private static final long MB = 1_000_000L;
  /** Must match HostileServer's sub-job object: the body of {@code n} sub-jobs is prefix + n objects, comma-separated + suffix. */
  private static final int SUB_JOB_BYTES =
      "{\"job_id\":\"s\",\"status\":\"running\",\"job_type\":\"expand\"}".getBytes(StandardCharsets.US_ASCII).length;
  private static final long MILLION_SUB_JOBS = HostileServer.HUGE_BODY_MIN + (1_000_000L - 1) * (SUB_JOB_BYTES + 1);
  /** Each child is killed after this. */
  private static final Duration CHILD_BUDGET = Duration.ofSeconds(40);
  /** All children together must be done within this. */
  private static final Duration ALL_CHILDREN_BUDGET = Duration.ofSeconds(60);
  private static final List<String> QUIET_LOGS =
      List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.io.sfsturbo=warn");

  /**
   * The child: {@code name=url} arguments, one showJobDetail per {@code call-} case and one 3 s
   * wait per {@code wait-} case; prints {@code case=... outcome=... message=...} lines; exits 0
   * unless the JVM itself dies (an OutOfMemoryError exits it, see {@link ForkedJvm}).
   */
  public static final class Child {
    private Child() {}

    public static void main(String[] args) {
      for (String arg : args) {
        int eq = arg.indexOf('=');
        String name = arg.substring(0, eq);
        URI url = URI.create(arg.substring(eq + 1));
        try (SfsTurboJobsClient client = SfsTurboJobsClient.builder()
            .endpoint(url)
            .httpConfiguration(h -> h.allowInsecureHttp(true))
            .projectId("proj-1")
            .credentials(TokenCredentials.of("memory-limits-token"))
            .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
            .overrideConfiguration(o -> o.callTimeout(Duration.ofSeconds(30)))
            .build()) {
          Callable<Object> op = name.startsWith("wait-")
              ? () -> client.waiter().waitFor("j",
                  WaitOptions.builder().timeout(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200)).build())
              : () -> client.showJobDetail("j", CallOptions.defaults());
          report(name, op);
        }
      }
      System.out.flush();
      System.exit(0);
    }

    private static void report(String name, Callable<Object> op) {
      long start = System.nanoTime();
      String outcome;
      String message;
      try {
        Object result = op.call();
        outcome = "none";
        message = "returned " + result;
      } catch (Exception e) {
        outcome = e.getClass().getSimpleName();
        message = String.valueOf(e.getMessage());
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      message = message.replaceAll("[\\r\\n]", " ");
      System.out.println("case=" + name + " outcome=" + outcome + " ms=" + ms
          + " message=" + message.substring(0, Math.min(200, message.length())));
    }
  }

  @Test
  void oversizedBodiesEndInADecodingErrorAndNeverExhaustASmallHeap() throws Exception {
    Map<String, HostileServer.Behaviour> cases = new LinkedHashMap<>();
    cases.put("call-200MB-content-length", HostileServer.hugeBody(200 * MB, true, false));
    cases.put("call-200MB-chunked", HostileServer.hugeBody(200 * MB, false, true));
    // About 53 MB of valid JSON, delimited by the connection's end (neither length nor chunks).
    cases.put("call-1M-sub-jobs", HostileServer.hugeBody(MILLION_SUB_JOBS, false, false));
    cases.put("call-gzip-bomb-1GB", HostileServer.gzipBomb(1000 * MB));
    cases.put("wait-200MB", HostileServer.hugeBody(200 * MB, true, false));

    // One child per case: an OutOfMemoryError in one case (which ends its JVM) still lets every
    // other case report.
    long start = System.nanoTime();
    List<Executable> checks = new ArrayList<>();
    StringBuilder timings = new StringBuilder("timings");
    for (Map.Entry<String, HostileServer.Behaviour> c : cases.entrySet()) {
      String name = c.getKey();
      ForkedJvm.Result r;
      long childStart = System.nanoTime();
      try (HostileServer server = HostileServer.start(c.getValue())) {
        r = ForkedJvm.run(Child.class, QUIET_LOGS, CHILD_BUDGET, name + "=" + server.url());
      }
      long childMs = (System.nanoTime() - childStart) / 1_000_000;
      String line = lineOf(r.stdout(), name);
      timings.append("\n  child ").append(childMs).append(" ms, exit ").append(r.exitCode()).append(": ").append(line);
      String all = name + ": exit " + r.exitCode() + " after " + childMs + " ms\n--- stdout\n" + r.stdout()
          + "\n--- stderr\n" + r.stderr();
      checks.add(() -> {
        assertFalse(r.timedOut(), "the child was killed at the timeout:\n" + all);
        assertFalse(all.contains("OutOfMemoryError"), all);
        assertEquals(0, r.exitCode(), all);
        assertNotNull(line, "no line for the case:\n" + all);
        if (name.startsWith("wait-")) {
          // Oversized answers are tolerated as transient until the deadline.
          assertTrue(line.contains(" outcome=WaitTimeoutException "), line);
          assertTrue(millisOf(line) <= 4000, "a 3 s wait must end within 4 s: " + line);
        } else {
          assertTrue(line.contains(" outcome=ResponseDecodingException "), line);
          assertTrue(line.contains("larger than the limit"), line);
          assertTrue(line.contains("maxResponseBytes"), line);
          assertTrue(line.contains(String.valueOf(io.sfsturbo.jobs.config.HttpConfiguration.DEFAULT_MAX_RESPONSE_BYTES)), line);
        }
      });
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (Boolean.getBoolean("it.timings")) {
      System.out.println(timings.append("\n  all children: ").append(took.toMillis()).append(" ms"));
    }
    checks.add(() -> assertTrue(took.compareTo(ALL_CHILDREN_BUDGET) <= 0,
        "the children took " + took.toMillis() + " ms in all"));
    assertAll(checks);
  }

  private static long millisOf(String line) {
    int at = line.indexOf(" ms=") + 4;
    return Long.parseLong(line.substring(at, line.indexOf(' ', at)));
  }

  private static String lineOf(String stdout, String name) {
    for (String line : stdout.split("\\R")) {
      if (line.startsWith("case=" + name + " ")) {
        return line;
      }
    }
    return null;
  }
}
