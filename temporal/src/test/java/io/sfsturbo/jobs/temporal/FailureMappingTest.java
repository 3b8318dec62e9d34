// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The SDK's exceptions in Temporal's failure model: what a retry can help is retryable, and nothing else. */
class FailureMappingTest {
  @Test
  void aFailedJobIsNonRetryableAndCarriesItsCodeReasonAndFailedSubJobs() {
    JobDetail job = JobDetail.builder().jobId("j").jobType("expand").status("failed").errorCode("SFS.TURBO.0038")
        .failReason("disk full").addSubJob(SubJobDetail.builder().jobId("s1").jobType("node").status("failed")
            .errorCode("SFS.TURBO.0011").failReason("node down").build())
        .addSubJob(SubJobDetail.builder().jobId("s2").status("success").build()).build();
    ApplicationFailure f = SfsTurboJobActivitiesImpl.failure(new CompletionException(new JobFailedException(job)));
    assertEquals(JobWaitFailures.JOB_FAILED, f.getType());
    assertTrue(f.isNonRetryable());
    JobFailure details = f.getDetails().get(0, JobFailure.class);
    assertEquals(new JobFailure("j", "expand", "SFS.TURBO.0038", "disk full",
        List.of(new JobFailure("s1", "node", "SFS.TURBO.0011", "node down", null))), details);
    assertEquals(details, JobWaitFailures.jobFailure(f).orElseThrow());
    assertFalse(JobWaitFailures.isWaitTimeout(f));
  }

  @Test
  void aTimeoutsLastStatusIsEscapedForTheWorkflowHistory() throws Exception {
    JobDetail job = JobDetail.builder().jobId("j").status("running\u001b[2J\u202e").build();
    // The exception's constructor is the waiter's own: reached here as the waiter would make it.
    java.lang.reflect.Constructor<WaitTimeoutException> make = WaitTimeoutException.class.getDeclaredConstructor(
        String.class, String.class, JobDetail.class, int.class, java.time.Duration.class, Throwable.class);
    make.setAccessible(true);
    WaitTimeout details = WaitTimeout.of(make.newInstance("j", "at its deadline", job, 3,
        java.time.Duration.ofMinutes(5), null));
    assertFalse(details.lastStatus().contains("\u001b"), details.lastStatus());
    assertFalse(details.lastStatus().contains("\u202e"), details.lastStatus());
    assertTrue(details.lastStatus().startsWith("running"), details.lastStatus());
    assertEquals(3, details.polls());
  }

  @Test
  void transientErrorsAndAStoppingWorkerAreRetriedPermanentOnesAreNot() {
    ApplicationFailure transientFailure = SfsTurboJobActivitiesImpl.failure(new TransportException("reset", null));
    assertEquals(JobWaitFailures.TRANSIENT_ERROR, transientFailure.getType());
    assertFalse(transientFailure.isNonRetryable());

    ApplicationFailure stopping = SfsTurboJobActivitiesImpl.failure(new ClientClosedException("closed"));
    assertEquals(JobWaitFailures.WORKER_STOPPING, stopping.getType());
    assertFalse(stopping.isNonRetryable());

    ApplicationFailure permanent = SfsTurboJobActivitiesImpl.failure(new SfsTurboException("refused"));
    assertEquals(JobWaitFailures.API_ERROR, permanent.getType());
    assertTrue(permanent.isNonRetryable());
  }

  @Test
  void aBadCheckpointIsNonRetryable() {
    try {
      WaitCheckpoint.parse("sfsw9;j=x;c=00000000");
    } catch (RuntimeException e) {
      ApplicationFailure f = SfsTurboJobActivitiesImpl.failure(e);
      assertEquals(JobWaitFailures.INVALID_CHECKPOINT, f.getType());
      assertTrue(f.isNonRetryable());
      assertTrue(f.getOriginalMessage().contains("newer"), f.getOriginalMessage());
      return;
    }
    throw new AssertionError("parsed");
  }
}
