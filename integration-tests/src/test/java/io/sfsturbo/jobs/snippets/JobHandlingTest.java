// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

// BEGIN: readme.testing
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testkit.SfsTurboEmulatorExtension;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobHandlingTest {
  @RegisterExtension
  static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();   // a fresh emulator per test

  @Test
  void waitsUntilTheJobSucceeds(SfsTurboEmulator emulator, SfsTurboJobsClient client) {
    emulator.addJob(JobScript.builder("job-1").status("running", 2).succeeds().build());
    WaitResult done = client.waiter().waitFor("job-1", o -> o.pollInterval(Duration.ofMillis(10)));
    assertEquals(3, done.polls());                                 // running, running, success
  }
}
// END: readme.testing
