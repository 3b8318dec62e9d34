// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.telemetry.AttemptEvent;
import io.sfsturbo.jobs.telemetry.AttemptListener;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.telemetry.WaitEvent;
import io.sfsturbo.jobs.telemetry.WaitListener;
import io.sfsturbo.jobs.telemetry.WaitOutcome;
import java.util.concurrent.atomic.AtomicLong;

/** The snippets of docs/observability.md that need only the SDK. */
final class TelemetrySnippets {
  private TelemetrySnippets() {}

  // BEGIN: observability.custom
  /** Counts throttled attempts and failed waits: a telemetry of your own, on the SDK's SPI. */
  static final class Counters implements Telemetry {
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong failedWaits = new AtomicLong();

    @Override
    public AttemptListener attemptStarted(AttemptEvent attempt) {
      return new AttemptListener() {
        @Override
        public void throttled(AttemptEvent ended) {     // a 429; ended.retryAfter() says for how long
          throttled.incrementAndGet();
        }
      };
    }

    @Override
    public WaitListener waitStarted(WaitEvent wait) {
      return new WaitListener() {
        @Override
        public void waitEnded(WaitEvent ended) {        // outcome, polls, elapsed, last status
          if (ended.outcome() != WaitOutcome.SUCCESS) {
            failedWaits.incrementAndGet();
          }
        }
      };
    }
  }

  static SfsTurboJobsClient counted(SfsTurboJobsClientBuilder builder, Counters counters) {
    return builder.telemetry(counters).build();
  }
  // END: observability.custom
}
