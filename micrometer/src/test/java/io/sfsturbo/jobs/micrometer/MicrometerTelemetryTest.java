// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.micrometer;

import static io.sfsturbo.jobs.testsupport.AdapterBench.fastPolls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.telemetry.AttemptListener;
import io.sfsturbo.jobs.telemetry.WaitListener;
import io.sfsturbo.jobs.testkit.EmulatorAuth;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testsupport.AdapterBench;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adapter against the emulator, through Micrometer's own test kit (a {@link TestObservationRegistry}
 * that checks each observation's life), with the handlers an application would register: a
 * {@link SimpleMeterRegistry} for the metrics and a {@link SimpleTracer} for the spans. Retries and
 * throttling use short delays, waits short timeouts: the class runs in about a second.
 */
class MicrometerTelemetryTest {
  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final SimpleTracer tracer = new SimpleTracer();
  private AdapterBench bench;
  private SfsTurboEmulator emulator;
  private SfsTurboJobsClient client;

  private void start(EmulatorAuth auth) {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
    bench = AdapterBench.start(auth, MicrometerTelemetry.create(observations));
    emulator = bench.emulator;
    client = bench.client;
  }

  @AfterEach
  void close() {
    if (bench != null) {
      bench.close();
    }
  }

  private Timer attemptTimer(String outcome, String status) {
    return meters.find(SfsTurboObservations.ATTEMPT).tags("outcome", outcome, "status", status).timer();
  }

  private List<SimpleSpan> spans(String name) {
    return tracer.getSpans().stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
  }

  /** Stopped observations leave no active long task; every started one was stopped once (the test registry checks). */
  private void assertAllStopped() {
    assertEquals(0, meters.get(SfsTurboObservations.ATTEMPT + ".active").longTaskTimer().activeTasks());
    meters.find(SfsTurboObservations.WAIT + ".active").longTaskTimers()
        .forEach(t -> assertEquals(0, t.activeTasks(), "a wait still open"));
  }

  private static final String ATTEMPT_SPAN = "GET /v1/{project_id}/sfs-turbo/jobs/{job_id}";
  private static final String WAIT_SPAN = "sfsturbo wait";

  @Test
  void aRetriedCallIsOneObservationPerAttemptWithOutcomeStatusCodeAndDelay() {
    start(EmulatorAuth.token(AdapterBench.TOKEN));
    emulator.addJob(JobScript.builder("job-r").succeeds().build());
    emulator.enqueueFaults("job-r", Fault.SERVICE_UNAVAILABLE, Fault.INTERNAL_ERROR);

    client.showJobDetail("job-r");

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(SfsTurboObservations.ATTEMPT, 3)
        .forAllObservationsWithNameEqualTo(SfsTurboObservations.ATTEMPT,
            o -> o.hasLowCardinalityKeyValue("operation", "ShowJobDetail")
                .hasLowCardinalityKeyValue("method", "GET")
                .hasLowCardinalityKeyValue("uri", "/v1/{project_id}/sfs-turbo/jobs/{job_id}")
                .hasHighCardinalityKeyValue("job.id", "job-r"));
    assertAllStopped();
    Timer failed503 = attemptTimer("server_error", "503");
    Timer failed500 = attemptTimer("server_error", "500");
    Timer ok = attemptTimer("success", "200");
    assertEquals(1, failed503.count());
    assertEquals(1, failed500.count());
    assertEquals(1, ok.count());
    assertEquals("SFS.TURBO.0005", failed503.getId().getTag("error.code"));
    assertEquals("none", ok.getId().getTag("error.code"));

    List<SimpleSpan> attempts = spans(ATTEMPT_SPAN);
    assertEquals(3, attempts.size());
    Map<String, String> first = attempts.stream().filter(s -> "1".equals(s.getTags().get("attempt"))).findFirst()
        .orElseThrow().getTags();
    Map<String, String> last = attempts.stream().filter(s -> "3".equals(s.getTags().get("attempt"))).findFirst()
        .orElseThrow().getTags();
    assertEquals("503", first.get("status"));
    assertNotNull(first.get("retry.delay.ms"), first.toString());
    assertNotNull(first.get("request.id"), first.toString());
    assertEquals("200", last.get("status"));
    assertNull(last.get("retry.delay.ms"), "no attempt follows the last: " + last);
    assertEquals("job-r", last.get("job.id"));
  }

  @Test
  void aThrottledAttemptCountsAndMarksItsSpan() {
    start(EmulatorAuth.token(AdapterBench.TOKEN));
    emulator.addJob(JobScript.builder("job-t").succeeds().build());
    emulator.enqueueFaults("job-t", Fault.THROTTLED_NO_RETRY_AFTER);

    client.showJobDetail("job-t");

    assertEquals(1.0, meters.get("sfsturbo.jobs.attempt.throttled").tags("outcome", "throttled", "status", "429")
        .counter().count());
    Timer throttled = attemptTimer("throttled", "429");
    assertEquals(1, throttled.count());
    // APIGW.0308 is not in the SDK's catalogue of documented codes: reported as "other", never as sent.
    assertEquals("other", throttled.getId().getTag("error.code"));
    SimpleSpan span = spans(ATTEMPT_SPAN).stream().filter(s -> "429".equals(s.getTags().get("status")))
        .findFirst().orElseThrow();
    assertTrue(span.getEvents().stream().anyMatch(e -> e.getValue().equals("throttled")), span.getEvents().toString());
  }

  @Test
  void aSuccessfulWaitIsTheParentOfItsPolls() {
    start(EmulatorAuth.token(AdapterBench.TOKEN));
    emulator.addJob(JobScript.builder("job-s").status("running", 2).succeeds().build());

    WaitResult done = client.waiter().waitFor("job-s", fastPolls(Duration.ofSeconds(10)));

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(SfsTurboObservations.WAIT, 1)
        .hasObservationWithNameEqualTo(SfsTurboObservations.WAIT).that()
        .hasBeenStarted().hasBeenStopped()
        .hasLowCardinalityKeyValue("outcome", "success")
        .hasHighCardinalityKeyValue("job.id", "job-s")
        .hasHighCardinalityKeyValue("polls", Integer.toString(done.polls()))
        .hasHighCardinalityKeyValue("job.status", "success");
    assertEquals(1, meters.get(SfsTurboObservations.WAIT).tags("outcome", "success").timer().count());
    assertEquals(done.polls(), (int) meters.get("sfsturbo.jobs.wait.poll").counter().count());
    assertEquals(2, (int) meters.get("sfsturbo.jobs.wait.status.change").counter().count(), "null->running->success");

    SimpleSpan wait = spans(WAIT_SPAN).get(0);
    List<SimpleSpan> polls = spans(ATTEMPT_SPAN);
    assertEquals(done.polls(), polls.size());
    for (SimpleSpan poll : polls) {
      assertEquals(wait.getSpanId(), poll.getParentId(), "each poll's span is a child of the wait's");
      assertEquals(wait.getTraceId(), poll.getTraceId());
    }
    List<String> events = wait.getEvents().stream().map(Map.Entry::getValue).collect(Collectors.toList());
    assertTrue(events.contains("status.change null -> running"), events.toString());
    assertTrue(events.contains("status.change running -> success"), events.toString());
  }

  @Test
  void aFailedJobEndsTheWaitAsJobFailed() {
    start(EmulatorAuth.token(AdapterBench.TOKEN));
    emulator.addJob(JobScript.builder("job-f").status("running", 1).fails("SFS.TURBO.0038", "disk full").build());

    assertThrows(JobFailedException.class,
        () -> client.waiter().waitFor("job-f", fastPolls(Duration.ofSeconds(10))));

    Timer wait = meters.get(SfsTurboObservations.WAIT).tags("outcome", "job_failed").timer();
    assertEquals(1, wait.count());
    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo(SfsTurboObservations.WAIT).that()
        .hasBeenStopped()
        .hasHighCardinalityKeyValue("job.status", "failed")
        .hasHighCardinalityKeyValue("polls", "2");
    // The HTTP attempts themselves succeeded: the job failed, not the calls.
    assertEquals(2, attemptTimer("success", "200").count());
  }

  @Test
  void aWaitPastItsDeadlineEndsAsTimeout() {
    start(EmulatorAuth.token(AdapterBench.TOKEN));
    emulator.addJob(JobScript.builder("job-x").status("running", 1).neverEnds().build());

    WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
        () -> client.waiter().waitFor("job-x", fastPolls(Duration.ofMillis(300))));

    Timer wait = meters.get(SfsTurboObservations.WAIT).tags("outcome", "timeout").timer();
    assertEquals(1, wait.count());
    // The deadline leaves the last poll room before it, so the wait ends between half and all of its 300 ms.
    double millis = wait.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
    assertTrue(millis >= 100 && millis < 5_000, "the wait's timer holds its duration: " + millis);
    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo(SfsTurboObservations.WAIT).that()
        .hasBeenStopped()
        .hasHighCardinalityKeyValue("polls", Integer.toString(e.polls()));
    assertAllStopped();
  }

  @Test
  void aNoopRegistryCostsNoObservation() {
    MicrometerTelemetry t = MicrometerTelemetry.create(ObservationRegistry.NOOP);
    assertSame(AttemptListener.NONE, t.attemptStarted(null));
    assertSame(WaitListener.NONE, t.waitStarted(null));
  }

  /** Every scenario above, and failures that echo requests, then every name, tag and event read for secrets. */
  @ParameterizedTest
  @MethodSource("io.sfsturbo.jobs.testsupport.AdapterBench#auths")
  void noSecretInAnyTagAttributeOrEvent(EmulatorAuth auth) {
    start(auth);
    bench.runEveryScenario();

    List<String> seen = new ArrayList<>();
    for (Meter m : meters.getMeters()) {
      seen.add(m.getId().getName());
      for (Tag t : m.getId().getTags()) {
        seen.add(t.getKey() + "=" + t.getValue());
      }
    }
    for (SimpleSpan s : tracer.getSpans()) {
      seen.add(s.getName());
      s.getTags().forEach((k, v) -> seen.add(k + "=" + v));
      s.getEvents().forEach(e -> seen.add(e.getValue()));
    }
    bench.assertNoSecretIn(seen);
  }
}
