// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.errors.AuthenticationException;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(30)
class EmulatorTest {
  @RegisterExtension
  static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();

  @Test
  void pollDrivenJobWithSubJobs(SfsTurboEmulator emulator, SfsTurboJobsClient client) {
    emulator.addJob(JobScript.builder("job-1").jobType("expand").status("waiting", 1).status("running", 2)
        .fails("SFS.TURBO.0038", "disk full")
        .subJob(JobScript.builder("sub-1").jobType("node").status("running", 2).succeeds())
        .subJob(JobScript.builder("sub-2").jobType("node").status("running", 3).fails("E1", "bad disk"))
        .build());
    JobDetail first = client.showJobDetail("job-1");
    assertEquals(JobStatus.WAITING, first.status());
    assertEquals("expand", first.jobType());
    assertEquals(JobStatus.RUNNING, first.subJobs().get(0).status());
    assertTrue(first.requestId().startsWith("emu-"));
    assertEquals(JobStatus.RUNNING, client.showJobDetail("job-1").status());
    JobDetail third = client.showJobDetail("job-1");
    assertEquals(JobStatus.SUCCESS, third.subJobs().get(0).status());
    JobDetail last = client.showJobDetail("job-1");
    assertEquals(JobStatus.FAILED, last.status());
    assertEquals("SFS.TURBO.0038", last.errorCode());
    assertEquals("disk full", last.failReason());
    assertEquals("bad disk", last.failedSubJobs().get(0).failReason());
    assertTrue(last.endTime() != null && last.beginTime() != null);
    assertEquals(4, emulator.pollsServed("job-1"));
    assertEquals(4, emulator.journal("job-1").size());
  }

  @Test
  void unknownJobIsTheDocumented404() {
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> sfs.client().showJobDetail("nope"));
    assertEquals(SfsTurboErrorCode.INVALID_JOB_ID, e.knownErrorCode());
    assertEquals(404, sfs.emulator().journal().get(0).status());
  }

  @Test
  void jobsCanBeAddedWhileRunningAndFaultsAreScripted() {
    sfs.emulator().addJob(JobScript.builder("late").succeeds().build()).enqueueFaults("late", Fault.SERVICE_UNAVAILABLE);
    assertEquals(JobStatus.SUCCESS, sfs.client().showJobDetail("late").status());
    assertEquals(Fault.SERVICE_UNAVAILABLE, sfs.emulator().journal().get(0).fault());
    assertEquals(503, sfs.emulator().journal().get(0).status());
    assertEquals(1, sfs.emulator().pollsServed("late"));
  }

  @Test
  void timeDrivenJobFollowsTheEmulatorsClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().clock(clock).build().start();
         SfsTurboJobsClient client = emulator.newClient()) {
      emulator.addJob(JobScript.builder("t").status("waiting", Duration.ofSeconds(10))
          .status("running", Duration.ofSeconds(50)).succeeds().build());
      assertEquals(JobStatus.WAITING, client.showJobDetail("t").status());
      assertEquals(JobStatus.WAITING, client.showJobDetail("t").status());
      clock.advance(Duration.ofSeconds(30));
      assertEquals(JobStatus.RUNNING, client.showJobDetail("t").status());
      clock.advance(Duration.ofSeconds(30));
      JobDetail done = client.showJobDetail("t");
      assertEquals(JobStatus.SUCCESS, done.status());
      assertEquals(Duration.ofMinutes(1), done.duration());
    }
  }

  @Test
  void wrongCredentialsGet401() {
    try (SfsTurboJobsClient wrong = sfs.emulator().clientBuilder().credentials(TokenCredentials.of("wrong"))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.showJobDetail("x"));
      assertEquals("APIGW.0301", e.errorCode());
    }
  }

  @Test
  void akSkSignaturesAreVerifiedAndExpiredOnesRecovered() {
    MutableClock gatewayClock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().clock(gatewayClock)
        .auth(EmulatorAuth.akSk("AKEMU", "sk-emu")).build().start()) {
      emulator.addJob(JobScript.builder("s").succeeds().build());
      VirtualTime early = VirtualTime.startingAt(Instant.parse("2026-11-29T09:00:00Z"));
      try (SfsTurboJobsClient skewed = emulator.clientBuilder().timeSource(early)
          .credentials(AkSkCredentials.of("AKEMU", "sk-emu")).build()) {
        assertEquals(JobStatus.SUCCESS, skewed.showJobDetail("s").status());
        assertEquals(401, emulator.journal().get(0).status(), "the first, an hour off, is expired");
        assertEquals(200, emulator.journal().get(1).status());
      }
      try (SfsTurboJobsClient badKey = emulator.clientBuilder()
          .timeSource(VirtualTime.startingAt(gatewayClock.instant()))
          .credentials(AkSkCredentials.of("AKEMU", "other")).build()) {
        assertThrows(AuthenticationException.class, () -> badKey.showJobDetail("s"));
      }
      try (SfsTurboJobsClient right = emulator.clientBuilder()
          .timeSource(VirtualTime.startingAt(gatewayClock.instant()))
          .credentials(AkSkCredentials.of("AKEMU", "sk-emu")).build()) {
        assertEquals(JobStatus.SUCCESS, right.showJobDetail("s").status());
      }
    }
  }

  @Test
  void journalHidesHeaderValuesInToString() {
    sfs.emulator().addJob(JobScript.builder("j").build());
    sfs.client().showJobDetail("j");
    RecordedCall call = sfs.emulator().journal().get(0);
    assertEquals("emulator-token", call.header("X-Auth-Token"));
    assertTrue(!call.toString().contains("emulator-token"), call.toString());
    assertNull(call.fault());
  }
}
