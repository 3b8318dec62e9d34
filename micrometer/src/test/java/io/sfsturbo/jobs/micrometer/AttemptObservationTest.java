// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.sfsturbo.jobs.telemetry.AttemptListener;
import io.sfsturbo.jobs.telemetry.AttemptOutcome;
import io.sfsturbo.jobs.testsupport.FakeAttempt;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the emulator cannot show quickly: a throttled attempt with a long Retry-After, a cancelled one. */
class AttemptObservationTest {
  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final SimpleTracer tracer = new SimpleTracer();

  AttemptObservationTest() {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
  }

  @Test
  void aThrottledAttemptCarriesTheServersRetryAfterAndTheDelayTaken() {
    FakeAttempt a = new FakeAttempt();
    AttemptListener l = MicrometerTelemetry.create(observations).attemptStarted(a);
    a.outcome = AttemptOutcome.THROTTLED;
    a.status = 429;
    a.errorCode = "other";
    a.retryAfter = Duration.ofSeconds(2);
    a.retryDelay = Duration.ofSeconds(2);
    l.throttled(a);
    l.attemptEnded(a);

    SimpleSpan span = tracer.onlySpan();
    assertEquals("2000", span.getTags().get(SfsTurboObservations.RETRY_AFTER));
    assertEquals("2000", span.getTags().get(SfsTurboObservations.RETRY_DELAY));
    assertEquals(1.0, meters.get("sfsturbo.jobs.attempt.throttled").tag("error.code", "other").counter().count());
  }

  @Test
  void aCancelledAttemptIsStoppedWithoutAStatus() {
    FakeAttempt a = new FakeAttempt();
    AttemptListener l = MicrometerTelemetry.create(observations).attemptStarted(a);
    a.outcome = AttemptOutcome.CANCELLED;
    l.attemptEnded(a);

    assertEquals(1, meters.get(SfsTurboObservations.ATTEMPT).tags("outcome", "cancelled", "status", "NONE",
        "error.code", "none").timer().count());
  }
}
