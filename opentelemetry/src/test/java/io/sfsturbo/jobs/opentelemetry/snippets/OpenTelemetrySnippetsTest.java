// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.opentelemetry.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testkit.SfsTurboEmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The documentation's OpenTelemetry snippet, run against the emulator: a wait span and its poll spans. */
class OpenTelemetrySnippetsTest {
  @RegisterExtension
  static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  @RegisterExtension
  static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();

  @Test
  void spansAppear(SfsTurboEmulator emulator) {
    emulator.addJob(JobScript.builder("job-1").status("running", 1).succeeds().build());
    try (SfsTurboJobsClient client = OpenTelemetrySnippets.withOpenTelemetry(emulator.clientBuilder(),
        otel.getOpenTelemetry())) {
      client.waiter().waitFor("job-1", o -> o.pollInterval(Duration.ofMillis(10)));
    }
    List<SpanData> spans = otel.getSpans();
    assertEquals(3, spans.size(), spans.toString());    // the wait and its two polls
    assertTrue(spans.stream().anyMatch(s -> s.getName().equals("sfsturbo wait")), spans.toString());
  }
}
