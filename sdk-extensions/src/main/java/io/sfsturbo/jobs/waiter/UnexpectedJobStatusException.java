// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.text.SafeText;

/** The job reported a status the API does not document, under {@link UnknownStatusPolicy#FAIL_FAST}. */
public class UnexpectedJobStatusException extends SfsTurboException {
  private static final long serialVersionUID = 1L;
  private final transient JobDetail job;

  /**
   * Creates the exception.
   *
   * @param job the job as polled
   */
  public UnexpectedJobStatusException(JobDetail job) {
    super("job '" + SafeText.forMessage(job.jobId()) + "' reported the undocumented status '"
        + SafeText.forMessage(job.statusAsString()) + "' [request id " + SafeText.forMessage(job.requestId())
        + "]");
    this.job = job;
  }

  /** Returns the job with the unexpected status. */
  public JobDetail job() {
    return job;
  }
}
