// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobStatusTest {
  @Test
  void documentedValuesAreKnownAndOnlyTwoAreTerminal() {
    assertSame(JobStatus.SUCCESS, JobStatus.of("success"));
    assertTrue(JobStatus.SUCCESS.isTerminal());
    assertTrue(JobStatus.FAILED.isTerminal());
    assertFalse(JobStatus.RUNNING.isTerminal());
    assertFalse(JobStatus.WAITING.isTerminal());
    assertTrue(JobStatus.of("waiting").isKnown());
  }

  @Test
  void unknownValuesKeepTheirText() {
    JobStatus cancelled = JobStatus.of("cancelled");
    assertFalse(cancelled.isKnown());
    assertFalse(cancelled.isTerminal());
    assertEquals("cancelled", cancelled.value());
    assertEquals(JobStatus.of("cancelled"), cancelled);
    // Another spelling of a documented status is that status; its text is kept.
    assertEquals(JobStatus.SUCCESS, JobStatus.of("SUCCESS"));
    assertEquals("success", JobStatus.of("Success").value());
    assertEquals("Success", JobStatus.of("Success").rawValue());
    assertTrue(JobStatus.of("FAILED").isTerminal());
    assertEquals("cancelled", cancelled.rawValue());
  }

  @Test
  void jobHelpers() {
    SubJobDetail failed = new SubJobDetail("s1", JobStatus.FAILED, "t", null, null, "SFS.TURBO.0038", "disk");
    SubJobDetail ok = new SubJobDetail("s2", JobStatus.SUCCESS, "t", null, null, null, null);
    JobDetail job = JobDetail.builder().jobId("j").status(JobStatus.SUCCESS).beginTime("2023-07-26 09:33:58")
        .endTime("2023-07-26 09:35:08").addSubJob(failed).addSubJob(ok).build();
    assertTrue(job.isSuccess());
    assertTrue(job.isPartialFailure());
    assertEquals(1, job.failedSubJobs().size());
    assertEquals(Duration.ofSeconds(70), job.duration());
    JobDetail noTimes = JobDetail.builder().status(JobStatus.RUNNING).beginTime("not a time").build();
    assertNull(noTimes.duration());
    assertNull(noTimes.beginTime());
    assertEquals("not a time", noTimes.beginTimeText());
    assertFalse(noTimes.isPartialFailure());
  }
}
