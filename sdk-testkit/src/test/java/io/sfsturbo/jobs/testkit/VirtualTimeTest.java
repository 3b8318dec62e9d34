// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's test-kit example, verbatim, so that the README cannot drift from the code. */
@Timeout(30)
class ReadmeExampleTest {
  @RegisterExtension
  static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();

  @Test
  void reportsFailedExpansion(SfsTurboEmulator emulator, SfsTurboJobsClient client) {
    emulator.addJob(JobScript.builder("job-1").jobType("expand")
        .status("waiting", 1).status("running", 3)
        .fails("SFS.TURBO.0038", "disk full")
        .subJob(JobScript.builder("sub-1").status("running", 2).fails("E1", "bad disk"))
        .build());
    emulator.enqueueFaults("job-1", Fault.THROTTLED, Fault.CONNECTION_RESET);

    JobFailedException e = assertThrows(JobFailedException.class,
        () -> client.waiter().waitFor("job-1", WaitOptions.builder().pollInterval(Duration.ofMillis(10)).build()));
    assertEquals("SFS.TURBO.0038", e.errorCode());
    assertEquals(7, emulator.journal("job-1").size());
  }

  @Test
  void virtualTimeExample(SfsTurboEmulator emulator) {
    emulator.addJob(JobScript.builder("job-1").status("running", 3).succeeds().build());
    VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-01-01T00:00:00Z")).withJitter(() -> 0.0);
    SfsTurboJobsClient client = emulator.clientBuilder().timeSource(time).build();
    WaitResult r = client.waiter().waitFor("job-1", WaitOptions.defaults());
    assertEquals(Arrays.asList(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500)), time.delays());
    assertEquals(Instant.parse("2026-01-01T00:00:09.500Z"), time.clock().instant(), "no wall time: the clock moved");
    assertEquals(4, r.polls());
    client.close();
  }
}
