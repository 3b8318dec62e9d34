// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.testkit.EmulatorAuth;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.FixedJitterTime;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.MutableClock;
import io.sfsturbo.jobs.testkit.RecordedCall;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testkit.SfsTurboEmulatorExtension;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The snippets of docs/testing.md; {@code SnippetsTest} runs them. */
final class TestingSnippets {
  private TestingSnippets() {}

  // BEGIN: testing.standalone
  static WaitResult outsideJUnit() {
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().build().start();
        SfsTurboJobsClient client = emulator.newClient()) {        // aimed at it, with its token
      emulator.addJob(JobScript.builder("job-1").status("running", 1).succeeds().build());
      return client.waiter().waitFor("job-1", o -> o.pollInterval(Duration.ofMillis(10)));
    }
  }
  // END: testing.standalone

  // BEGIN: testing.faults
  static List<RecordedCall> flakyGateway(SfsTurboEmulator emulator, SfsTurboJobsClient client) {
    emulator.addJob(JobScript.builder("job-2").status("running", 3).succeeds().build());
    emulator.enqueueFaults("job-2", Fault.INTERNAL_ERROR, Fault.TRUNCATED_BODY);   // this job's next answers
    emulator.faultRate(0.2, 42, Fault.SERVICE_UNAVAILABLE, Fault.CONNECTION_RESET); // then 20 %, seeded
    client.waiter().waitFor("job-2", o -> o.pollInterval(Duration.ofMillis(10)));
    return emulator.journal("job-2");   // every request: time, path, headers, status, the fault served
  }
  // END: testing.faults

  // BEGIN: testing.extension-configured
  static SfsTurboEmulatorExtension signedAndOnAClock(MutableClock clock) {
    return SfsTurboEmulatorExtension.configured(b -> b
        .auth(EmulatorAuth.akSk("test-ak", "test-sk"))  // checks SDK-HMAC-SHA256 signatures as the gateway does
        .clock(clock)                                   // drives jobs scripted by time, and signature expiry
        .projectId("my-project"));
  }
  // END: testing.extension-configured

  // BEGIN: testing.by-time
  static void jobScriptedByTime(SfsTurboEmulator emulator, MutableClock clock) {
    emulator.addJob(JobScript.builder("job-3")
        .status("running", Duration.ofMinutes(10))     // running for 10 minutes of the emulator's clock
        .succeeds()
        .build());
    clock.advance(Duration.ofMinutes(11));             // the job has ended
  }
  // END: testing.by-time

  // BEGIN: testing.fixed-jitter
  static SfsTurboJobsClient repeatableDelays(SfsTurboEmulator emulator) {
    // Real time, but every jitter draw is 0.5: the same delays from run to run.
    return emulator.clientBuilder().timeSource(FixedJitterTime.of(() -> 0.5)).build();
  }
  // END: testing.fixed-jitter

  static MutableClock clockAtNewYear() {
    return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
