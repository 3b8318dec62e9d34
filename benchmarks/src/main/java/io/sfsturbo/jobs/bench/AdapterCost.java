// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import io.sfsturbo.jobs.telemetry.AttemptEvent;
import io.sfsturbo.jobs.telemetry.AttemptOutcome;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.telemetry.WaitListener;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Each adapter's CPU time per attempt without HTTP: one attempt's start and end, fed to the
 * adapter and the monitoring stack behind it ({@link TelemetryStacks}). On a busy shared machine
 * the per-call ratios move by more than the adapters cost; this figure does not depend on the
 * network and says what the ratios should show on a quiet one.
 */
final class AdapterCost {
  private AdapterCost() {}

  /** A successful first attempt, as the SDK reports it. */
  private static final class Ok implements AttemptEvent {
    @Override public String operation() { return SHOW_JOB_DETAIL; }
    @Override public String jobId() { return OverheadBenchmark.JOB_ID; }
    @Override public int attempt() { return 1; }
    @Override public String httpMethod() { return "GET"; }
    @Override public String urlTemplate() { return "/v1/{project_id}/sfs-turbo/jobs/{job_id}"; }
    @Override public String urlScheme() { return "http"; }
    @Override public String serverAddress() { return "127.0.0.1"; }
    @Override public int serverPort() { return 40000; }
    @Override public WaitListener parent() { return null; }
    @Override public AttemptOutcome outcome() { return AttemptOutcome.SUCCESS; }
    @Override public int httpStatus() { return 200; }
    @Override public String errorCode() { return null; }
    @Override public String errorType() { return null; }
    @Override public String requestId() { return "0c1f8e2a9b7d4c6e8f0a1b2c3d4e5f60"; }
    @Override public Duration duration() { return Duration.ofNanos(70_000); }
    @Override public Duration retryAfter() { return null; }
    @Override public Duration retryDelay() { return null; }
  }

  /** Returns the median nanoseconds per attempt over rounds of {@code calls} attempts, after a warm-up. */
  static double nanosPerAttempt(Telemetry telemetry, int rounds, int calls) {
    AttemptEvent e = new Ok();
    double[] perRound = new double[rounds];
    for (int r = -rounds; r < rounds; r++) {   // the first half warms up
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        telemetry.attemptStarted(e).attemptEnded(e);
      }
      if (r >= 0) {
        perRound[r] = (System.nanoTime() - start) / (double) calls;
      }
    }
    Arrays.sort(perRound);
    return perRound[rounds / 2];
  }

  static String line() {
    try (TelemetryStacks stacks = new TelemetryStacks(false)) {
      return String.format(Locale.ROOT, "  adapter CPU per attempt, without HTTP (median of 20 rounds): "
          + "micrometer %.0f ns, otel %.0f ns", nanosPerAttempt(stacks.micrometer, 20, 20_000),
          nanosPerAttempt(stacks.otel, 20, 20_000));
    }
  }
}
