// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import io.sfsturbo.jobs.errors.SfsTurboException;

/** The thread waiting synchronously was interrupted; its interrupt flag is set again. */
public class WaitInterruptedException extends SfsTurboException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param jobId the job waited for
   * @param cause the interruption
   */
  public WaitInterruptedException(String jobId, InterruptedException cause) {
    super("interrupted while waiting for job '" + jobId + "'", cause);
  }
}
