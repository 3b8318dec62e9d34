// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.JobDetail;
import io.sfsturbo.jobs.errors.SfsTurboException;

/** The job reported a status the API does not document, under {@link UnknownStatusPolicy#FAIL_FAST}. */
public class UnexpectedJobStatusException extends SfsTurboException {
  private static final long serialVersionUID = 1L;
  private final transient JobDetail job;

  UnexpectedJobStatusException(JobDetail job) {
    super("job '" + job.jobId() + "' reported the undocumented status '" + job.status()
        + "' [request id " + job.requestId() + "]");
    this.job = job;
  }

  /** Returns the job with the unexpected status. */
  public JobDetail job() {
    return job;
  }
}
