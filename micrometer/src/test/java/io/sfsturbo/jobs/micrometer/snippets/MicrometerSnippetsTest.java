// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.micrometer.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testkit.SfsTurboEmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The documentation's Micrometer snippet, run against the emulator: the meters it promises appear. */
class MicrometerSnippetsTest {
  @RegisterExtension
  static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();

  @Test
  void metersAppear(SfsTurboEmulator emulator) {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    emulator.addJob(JobScript.builder("job-1").status("running", 1).succeeds().build());
    try (SfsTurboJobsClient client = MicrometerSnippets.withMicrometer(emulator.clientBuilder(), meters)) {
      client.waiter().waitFor("job-1", o -> o.pollInterval(Duration.ofMillis(10)));
    }
    assertEquals(2, meters.find("sfsturbo.jobs.attempt").tag("outcome", "success").timer().count());
    assertNotNull(meters.find("sfsturbo.jobs.wait").tag("outcome", "success").timer());
  }
}
