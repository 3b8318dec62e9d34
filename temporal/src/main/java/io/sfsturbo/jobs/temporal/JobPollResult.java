// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * What one poll ({@link SfsTurboJobActivities#pollJob(String)}) found: the job's end, or the
 * checkpoint to poll again from, whose next poll is {@link #nextPollAtMillis()}. An immutable value.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
public final class JobPollResult {
  private final JobWaitResult result;
  private final String checkpoint;
  private final long nextPollAtMillis;

  /**
   * Creates the value.
   *
   * @param result the job's end, or null while it runs
   * @param checkpoint the checkpoint text to poll again from, or null when done
   * @param nextPollAtMillis when to poll again (epoch milliseconds, the workflow's time), or 0 when done
   */
  @JsonCreator
  public JobPollResult(@JsonProperty("result") JobWaitResult result, @JsonProperty("checkpoint") String checkpoint,
      @JsonProperty("nextPollAtMillis") long nextPollAtMillis) {
    this.result = result;
    this.checkpoint = checkpoint;
    this.nextPollAtMillis = nextPollAtMillis;
  }

  /** Returns whether the job has ended (successfully; a failure is an activity failure). */
  public boolean isDone() {
    return result != null;
  }

  /** Returns the job's end, or null while it runs. */
  @JsonProperty("result")
  public JobWaitResult result() {
    return result;
  }

  /** Returns the checkpoint text to poll again from, or null when done. */
  @JsonProperty("checkpoint")
  public String checkpoint() {
    return checkpoint;
  }

  /** Returns when to poll again, in epoch milliseconds of the workflow's clock; 0 when done. */
  @JsonProperty("nextPollAtMillis")
  public long nextPollAtMillis() {
    return nextPollAtMillis;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JobPollResult && Objects.equals(result, ((JobPollResult) o).result)
        && Objects.equals(checkpoint, ((JobPollResult) o).checkpoint)
        && nextPollAtMillis == ((JobPollResult) o).nextPollAtMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(result, checkpoint, nextPollAtMillis);
  }

  @Override
  public String toString() {
    return isDone() ? "JobPollResult{done, " + result + '}' : "JobPollResult{next at " + nextPollAtMillis + '}';
  }
}
