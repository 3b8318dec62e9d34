// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.waiter;

import java.util.Objects;

/**
 * What one poll of {@link JobWaiter#pollOnce} leads to: the job succeeded ({@link #result()}), or
 * the wait goes on from {@link #checkpoint()}, whose {@link WaitCheckpoint#nextPollAt()} says when
 * to poll next. (A failed job or a passed deadline is an exception, as for a whole wait.) An
 * immutable value.
 */
public final class WaitStep {
  private final WaitResult result;
  private final WaitCheckpoint checkpoint;

  private WaitStep(WaitResult result, WaitCheckpoint checkpoint) {
    this.result = result;
    this.checkpoint = checkpoint;
  }

  /**
   * The job succeeded.
   *
   * @param result how the wait ended
   * @return the step
   */
  public static WaitStep done(WaitResult result) {
    return new WaitStep(java.util.Objects.requireNonNull(result, "result"), null);
  }

  /**
   * The wait goes on.
   *
   * @param checkpoint where it goes on from
   * @return the step
   */
  public static WaitStep next(WaitCheckpoint checkpoint) {
    return new WaitStep(null, java.util.Objects.requireNonNull(checkpoint, "checkpoint"));
  }

  /** Returns whether the job has ended: then {@link #result()} is set, else {@link #checkpoint()}. */
  public boolean isDone() {
    return result != null;
  }

  /** Returns the result when the job succeeded, else null. */
  public WaitResult result() {
    return result;
  }

  /** Returns where the wait goes on from when the job is still running, else null. */
  public WaitCheckpoint checkpoint() {
    return checkpoint;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WaitStep && Objects.equals(result, ((WaitStep) o).result)
        && Objects.equals(checkpoint, ((WaitStep) o).checkpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(result, checkpoint);
  }

  @Override
  public String toString() {
    return isDone() ? "WaitStep{done, " + result + '}' : "WaitStep{next, " + checkpoint + '}';
  }
}
