// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The questions a caller asks of a job or a sub-job, answered from its generated fields: has it
 * ended, did it succeed, how long did it take. Hand-written behaviour that the generated
 * {@link JobDetail} and {@link SubJobDetail} take on through the generator's configuration
 * ({@code modelInterfaces} in {@code sdk-generated/pom.xml}).
 */
public interface JobState {
  /**
   * Returns the status.
   *
   * @return the status, {@link JobStatus#UNKNOWN_TO_SDK_VERSION} for one this SDK does not know,
   *     or null when the service sent none
   */
  JobStatus status();

  /**
   * Returns the status exactly as the service wrote it.
   *
   * @return the text, or null when the service sent none
   */
  String statusAsString();

  /**
   * Returns the start time.
   *
   * @return the time, or null when absent or unreadable
   */
  Instant beginTime();

  /**
   * Returns the end time.
   *
   * @return the time, or null when absent or unreadable
   */
  Instant endTime();

  /**
   * Returns whether it has ended, in success or in failure.
   *
   * @return whether the status is final
   */
  default boolean isTerminal() {
    JobStatus status = status();
    return status != null && status.isTerminal();
  }

  /**
   * Returns whether it has ended successfully.
   *
   * @return whether the status is {@code success}
   */
  default boolean isSuccess() {
    return status() == JobStatus.SUCCESS;
  }

  /**
   * Returns whether it has ended in failure.
   *
   * @return whether the status is {@code failed}
   */
  default boolean isFailed() {
    return status() == JobStatus.FAILED;
  }

  /**
   * Returns whether the status is one this version of the SDK does not know.
   *
   * @return whether the status is {@link JobStatus#UNKNOWN_TO_SDK_VERSION}
   */
  default boolean hasUnknownStatus() {
    return status() == JobStatus.UNKNOWN_TO_SDK_VERSION;
  }

  /**
   * Returns how long it took: end minus begin.
   *
   * @return the duration, or null unless both times are known
   */
  default Duration duration() {
    Instant begin = beginTime();
    Instant end = endTime();
    return begin == null || end == null ? null : Duration.between(begin, end);
  }
}
