// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schedule a wait keeps in virtual time: the default delays, exactly, with no wall time spent. (The
 * documentation's test-kit examples are compiled and run in integration-tests, beside their Markdown.)
 */
@Timeout(30)
class VirtualTimeTest {
  @RegisterExtension
  static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();

  @Test
  void theDefaultScheduleRunsInVirtualTime(SfsTurboEmulator emulator) {
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
