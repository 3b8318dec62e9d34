// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import java.util.Objects;

/**
 * The status of a job or sub-job, as the service wrote it.
 *
 * <p>The API documents four values ({@code success}, {@code running}, {@code failed},
 * {@code waiting}); a value it may add later (a {@code cancelled}, say) is kept verbatim
 * rather than failing the whole response, and {@link #isKnown()} tells the two apart. Another
 * spelling of a documented value ({@code SUCCESS}) is that value, its text kept in
 * {@link #rawValue()}. Compare with {@link #equals(Object)} or {@link #value()}, never with {@code ==}.
 */
public final class JobStatus {
  /** The job has ended successfully: a terminal status. */
  public static final JobStatus SUCCESS = new JobStatus("success", true);
  /** The job is running. */
  public static final JobStatus RUNNING = new JobStatus("running", true);
  /** The job has ended in failure: a terminal status. */
  public static final JobStatus FAILED = new JobStatus("failed", true);
  /** The job is queued and has not started yet. */
  public static final JobStatus WAITING = new JobStatus("waiting", true);

  private final String value;
  private final boolean known;
  private final String rawValue;

  private JobStatus(String value, boolean known) {
    this(value, known, value);
  }

  private JobStatus(String value, boolean known, String rawValue) {
    this.value = value;
    this.known = known;
    this.rawValue = rawValue;
  }

  /**
   * Returns the status for a value the service sent.
   *
   * @param value the text of the {@code status} field; must not be null
   * @return one of the four constants for a documented value, otherwise an unknown status
   *     that keeps the text exactly as given
   */
  public static JobStatus of(String value) {
    Objects.requireNonNull(value, "value");
    switch (value) {
      case "success":
        return SUCCESS;
      case "running":
        return RUNNING;
      case "failed":
        return FAILED;
      case "waiting":
        return WAITING;
      default:
        String lower = value.trim().toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
          case "success":
          case "running":
          case "failed":
          case "waiting":
            return new JobStatus(lower, true, value);
          default:
            return new JobStatus(value, false);
        }
    }
  }

  /**
   * Returns the status: one of the four documented values in their documented spelling, or an
   * undocumented value exactly as the service sent it.
   */
  public String value() {
    return value;
  }

  /** Returns the status text exactly as the service sent it ({@code SUCCESS} where {@link #value()} is {@code success}). */
  public String rawValue() {
    return rawValue;
  }

  /** Returns whether this is one of the four statuses the API documents. */
  public boolean isKnown() {
    return known;
  }

  /**
   * Returns whether the job has ended: {@code success} or {@code failed}. An unknown status
   * is not terminal here; the waiter's policy decides what to do with it.
   */
  public boolean isTerminal() {
    return this.equals(SUCCESS) || this.equals(FAILED);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JobStatus && ((JobStatus) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns {@link #value()}. */
  @Override
  public String toString() {
    return value;
  }
}
