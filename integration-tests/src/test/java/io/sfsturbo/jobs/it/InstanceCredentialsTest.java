// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.ProjectIdLookupException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.testkit.EmulatorAuth;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.RecordedCall;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testkit.VirtualTime;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credentials and region half of issue 23, end to end against the test kit acting as the instance
 * metadata service and IAM: keys renewed ahead of expiry on virtual time, a metadata service that never
 * answers, the project id looked up once, and failover from an endpoint that refuses connections.
 */
@Timeout(60)
class InstanceCredentialsTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir
  Path home;

  /** A loopback port that refuses connections: bound for a free number, then closed. */
  static int refusingPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void keysAreRenewedAheadOfExpiryOnVirtualTimeSoThatNoPollIsRefused() {
    VirtualTime time = VirtualTime.startingAt(T0);
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().clock(time.clock())
        .auth(EmulatorAuth.instanceMetadata(Duration.ofHours(1))).build().start();
         SfsTurboJobsClient client = emulator.clientBuilder().timeSource(time).build()) {
      assertEquals(1, emulator.metadataKeyRequests(), "the chain fetched the keys once, when the client was built");
      emulator.addJob(JobScript.builder("long").status("running", Duration.ofHours(5)).succeeds().build());
      WaitResult r = client.waiter().waitFor("long", every(Duration.ofMinutes(5)));
      assertEquals("success", r.job().statusAsString());
      for (RecordedCall call : emulator.journal()) {
        assertEquals(200, call.status(), "no request was sent with expired keys: " + call);
      }
      // 1 h keys renewed 40 min before expiry: every 20 min over 5 h, never per poll.
      long fetches = emulator.metadataKeyRequests();
      assertTrue(fetches >= 12 && fetches <= 17, "renewals over 5 hours: " + fetches);
      assertEquals(1, emulator.metadataTokenRequests(), "the session token is kept");
    }
  }

  static WaitOptions every(Duration interval) {
    return WaitOptions.builder().pollInterval(interval).maxInterval(interval).backoffMultiplier(1).jitter(0)
        .timeout(Duration.ofHours(6)).build();
  }

  @Test
  void expiredKeysAreFetchedAnewBeforeTheRequestLeaves() {
    VirtualTime time = VirtualTime.startingAt(T0);
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().clock(time.clock())
        .auth(EmulatorAuth.instanceMetadata(Duration.ofMinutes(10))).build().start();
         SfsTurboJobsClient client = emulator.clientBuilder().timeSource(time)
             .overrideConfiguration(o -> o.retryPolicy(io.sfsturbo.jobs.retry.RetryPolicy.none())).build()) {
      emulator.addJob(JobScript.builder("j").succeeds().build());
      // The keys live 10 minutes, less than the 40-minute margin: renewed a minute after each fetch at the
      // earliest. A call 11 minutes later finds them expired and waits for new ones.
      WaitResult r = client.waiter().waitFor("j", every(Duration.ofMinutes(11)));
      assertEquals("success", r.job().statusAsString());
      assertEquals(1, emulator.metadataKeyRequests());
      emulator.addJob(JobScript.builder("k").status("running", Duration.ofMinutes(11)).succeeds().build());
      client.waiter().waitFor("k", every(Duration.ofMinutes(11)));
      assertTrue(emulator.metadataKeyRequests() >= 2, "new keys after expiry");
      for (RecordedCall call : emulator.journal()) {
        assertEquals(200, call.status(), call.toString());
      }
    }
  }

  @Test
  void aMetadataServiceThatNeverAnswersLeavesTheChainWithinItsBound() {
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().stallDuration(Duration.ofSeconds(30))
        .auth(EmulatorAuth.instanceMetadata(Duration.ofHours(1))).build().start()) {
      emulator.enqueueMetadataFaults(Fault.STALL, Fault.STALL);
      long start = System.nanoTime();
      CredentialsException e = assertThrows(CredentialsException.class, () -> emulator.clientBuilder().build());
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(ms < 2_500, "gave up after " + ms + " ms");
      assertTrue(e.getMessage().startsWith("no credentials found. Tried, in order: (1) the environment"), e.getMessage());
      assertTrue(e.getMessage().contains("(3) the instance metadata service at http://"), e.getMessage());
      assertTrue(e.getMessage().contains(": PUT /meta-data/latest/api/token got no answer within 1s."), e.getMessage());
      assertEquals(0, emulator.metadataKeyRequests(), "the token request's bound ended the source: no second request");
    }
  }

  @Test
  void theProjectIdIsLookedUpOnceAndARefusingEndpointIsSkipped() throws IOException {
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().projectId("3f1e0c6a9b2d4e5f8a7b6c5d4e3f2a1b")
        .auth(EmulatorAuth.instanceMetadata(Duration.ofHours(1))).build().start()) {
      emulator.addJob(JobScript.builder("j").succeeds().build());
      Map<String, String> env = emulator.environmentVariables();
      env.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE", "http://127.0.0.1:" + refusingPort() + "," + emulator.endpoint());
      try (SfsTurboJobsClient client = SfsTurboJobsClient.builder().region("eu-de")
          .httpConfiguration(h -> h.allowInsecureHttp(true)).environment(Environment.of(env, home)).build()) {
        assertEquals("3f1e0c6a9b2d4e5f8a7b6c5d4e3f2a1b", client.projectId());
        JobDetail job = client.showJobDetail("j");
        assertEquals("success", job.statusAsString());
        client.showJobDetail("j");
        client.waiter().waitFor("j", WaitOptions.defaults());
        assertEquals(1, emulator.projectLookups(), "looked up once, for the client's life");
        assertEquals(3, emulator.pollsServed("j"));
      }
    }
  }

  @Test
  void zeroOrSeveralProjectsFailTheBuildClearly() {
    for (String[] ids : new String[][] {{}, {"p1", "p2"}}) {
      try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().iamProjectIds(ids)
          .auth(EmulatorAuth.instanceMetadata(Duration.ofHours(1))).build().start()) {
        Map<String, String> env = emulator.environmentVariables();
        env.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_NL", emulator.endpoint().toString());
        ProjectIdLookupException e = assertThrows(ProjectIdLookupException.class, () -> SfsTurboJobsClient.builder()
            .region("eu-nl").httpConfiguration(h -> h.allowInsecureHttp(true)).environment(Environment.of(env, home))
            .build());
        assertEquals("eu-nl", e.regionId());
        assertTrue(e.getMessage().startsWith("failed to get the project id of region 'eu-nl' automatically: IAM at "
            + emulator.endpoint().getHost() + " lists " + (ids.length == 0 ? "no project" : "2 projects named 'eu-nl' [p1, p2]")),
            e.getMessage());
        assertTrue(e.getMessage().endsWith("; set the project id (projectId(...), HUAWEICLOUD_SDK_PROJECT_ID or "
            + "project_id in the credentials profile)"), e.getMessage());
        assertFalse(e.getMessage().contains("emu-temp-sk"), e.getMessage());
      }
    }
  }
}
