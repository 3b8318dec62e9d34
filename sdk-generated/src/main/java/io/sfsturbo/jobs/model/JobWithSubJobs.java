// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The questions a caller asks of a job's sub-jobs: which failed, and did the job succeed in
 * spite of them. Hand-written behaviour that the generated {@link JobDetail} takes on through the
 * generator's configuration ({@code modelInterfaces} in {@code sdk-generated/pom.xml}).
 */
public interface JobWithSubJobs extends JobState {
  /**
   * Returns the sub-jobs.
   *
   * @return the sub-jobs in the service's order; empty, never null
   */
  List<SubJobDetail> subJobs();

  /**
   * Returns the sub-jobs that failed.
   *
   * @return the sub-jobs whose status is {@code failed}; empty when none
   */
  default List<SubJobDetail> failedSubJobs() {
    List<SubJobDetail> failed = new ArrayList<>();
    for (SubJobDetail sub : subJobs()) {
      if (sub.isFailed()) {
        failed.add(sub);
      }
    }
    return Collections.unmodifiableList(failed);
  }

  /**
   * Returns whether the job succeeded although some of its sub-jobs failed.
   *
   * @return whether the status is {@code success} and a sub-job failed
   */
  default boolean isPartialFailure() {
    return isSuccess() && !failedSubJobs().isEmpty();
  }
}
