// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

// BEGIN: testing.virtual-time
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testkit.SfsTurboEmulatorExtension;
import io.sfsturbo.jobs.testkit.VirtualTime;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExpansionFailureTest {
  @RegisterExtension
  static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();

  @Test
  void reportsTheFailedSubJob(SfsTurboEmulator emulator) {
    emulator.addJob(JobScript.builder("job-1").jobType("expand")
        .status("waiting", 1).status("running", 3)               // poll 1, then polls 2 to 4
        .fails("SFS.TURBO.0038", "disk full")                    // from poll 5 on
        .subJob(JobScript.builder("node-1").status("running", 2).fails("SFS.TURBO.0032", "no disk"))
        .build());
    // Answered before the job: a 429 with Retry-After: 1, then a dropped connection; both are retried.
    emulator.enqueueFaults("job-1", Fault.THROTTLED, Fault.CONNECTION_RESET);

    // Virtual time: the default schedule (2 s, 3 s, 4.5 s...), the retry backoff and the
    // Retry-After second pass at once, and every delay the SDK chose is recorded.
    VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    try (SfsTurboJobsClient client = emulator.clientBuilder().timeSource(time).build()) {
      JobFailedException e = assertThrows(JobFailedException.class,
          () -> client.waiter().waitFor("job-1", WaitOptions.defaults()));
      assertEquals("SFS.TURBO.0038", e.errorCode());
      assertEquals("node-1", e.failedSubJobs().get(0).jobId());
    }
    assertEquals(7, emulator.journal("job-1").size());             // 2 faults, then 5 polls
    assertEquals(Duration.ofSeconds(1), time.delays().get(0));     // the 429's Retry-After
  }
}
// END: testing.virtual-time
