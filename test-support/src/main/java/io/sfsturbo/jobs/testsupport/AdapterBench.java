// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.testkit.EmulatorAuth;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.waiter.WaitOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the telemetry adapters' tests share (the {@code tests} jar of the test kit, not part of its
 * API): an emulator whose project id and credentials are canaries, a client on it with millisecond
 * retry delays and the adapter under test, the scenarios that make every kind of event, and the
 * check that no canary shows in what the adapter emitted.
 */
public final class AdapterBench implements AutoCloseable {
  public static final String TOKEN = "MIIcanaryTOKEN9f8e7d6c5b4a";
  public static final String AK = "CANARYAK7Q2W3E4R5T6Y";
  public static final String SK = "CanarySecretKey0123456789abcdefghijklmnop";
  public static final String PROJECT = "canaryproject5e4d3c2b1a";
  public static final List<String> SECRETS = Arrays.asList(TOKEN, AK, SK, PROJECT);

  public final SfsTurboEmulator emulator;
  public final SfsTurboJobsClient client;

  private AdapterBench(EmulatorAuth auth, Telemetry telemetry) {
    emulator = SfsTurboEmulator.builder().projectId(PROJECT).auth(auth).build().start();
    client = emulator.clientBuilder()
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(20)).build()))
        .telemetry(telemetry)
        .build();
  }

  /**
   * Starts an emulator and a client that reports to the adapter under test.
   *
   * @param auth how the emulator checks requests
   * @param telemetry the adapter
   * @return the bench; close it after the test
   */
  public static AdapterBench start(EmulatorAuth auth, Telemetry telemetry) {
    return new AdapterBench(auth, telemetry);
  }

  /** Both ways the emulator checks requests, with the canary credentials. */
  public static Stream<EmulatorAuth> auths() {
    return Stream.of(EmulatorAuth.token(TOKEN), EmulatorAuth.akSk(AK, SK));
  }

  /** Polls every 10 to 20 ms: a wait of a few polls takes a few dozen milliseconds. */
  public static WaitOptions fastPolls(Duration timeout) {
    return WaitOptions.builder().pollInterval(Duration.ofMillis(10)).maxInterval(Duration.ofMillis(20))
        .timeout(timeout).build();
  }

  /**
   * Makes every kind of event: a retried and throttled call, failures that echo requests (an HTML
   * gateway page, a reset connection, malformed JSON, 401s, a 404), a failed job's wait and a wait
   * past its deadline.
   */
  public void runEveryScenario() {
    emulator.addJob(JobScript.builder("job-r").succeeds().build());
    emulator.addJob(JobScript.builder("job-f").status("running", 1).fails("SFS.TURBO.0038", "disk full").build());
    emulator.addJob(JobScript.builder("job-x").neverEnds().build());
    emulator.enqueueFaults("job-r", Fault.SERVICE_UNAVAILABLE, Fault.THROTTLED_NO_RETRY_AFTER);
    client.showJobDetail("job-r");
    emulator.enqueueFaults("job-r", Fault.BAD_GATEWAY_HTML, Fault.CONNECTION_RESET, Fault.MALFORMED_JSON);
    assertThrows(RuntimeException.class, () -> client.showJobDetail("job-r"));
    assertThrows(RuntimeException.class, () -> client.waiter().waitFor("job-f", fastPolls(Duration.ofSeconds(10))));
    assertThrows(RuntimeException.class, () -> client.waiter().waitFor("job-x", fastPolls(Duration.ofMillis(100))));
    emulator.enqueueFaults("job-r", Fault.UNAUTHORIZED, Fault.UNAUTHORIZED, Fault.UNAUTHORIZED);
    assertThrows(RuntimeException.class, () -> client.showJobDetail("job-r"));
    emulator.enqueueFaults("job-r", Fault.NOT_FOUND);
    assertThrows(RuntimeException.class, () -> client.showJobDetail("job-r"));
  }

  /**
   * Asserts that none of what an adapter emitted holds a canary, and that the check can fail: the
   * emitted values are many, and the requests carried the canaries (the project id is in every
   * path, the credentials in every request).
   *
   * @param seen every name, attribute, tag and event the adapter emitted, as text
   */
  public void assertNoSecretIn(Collection<String> seen) {
    assertTrue(seen.size() > 50, "the check read what was emitted: " + seen);
    for (String value : seen) {
      for (String secret : SECRETS) {
        assertFalse(value.contains(secret), () -> "a secret in " + value);
      }
    }
    assertTrue(emulator.journal().size() > 5);
  }

  @Override
  public void close() {
    client.close();
    emulator.close();
  }
}
