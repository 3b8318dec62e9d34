// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How the wait for one job ended, and the exit code of several. */
final class WaitOutcome {
  enum Kind { SUCCEEDED, FAILED, TIMED_OUT, ERROR }

  final String jobId;
  final Kind kind;
  /** The final job, or the last seen for a timeout; null when none was read. */
  final JobDetail job;
  final WaitResult result;
  final Throwable error;
  /**
   * When the wait ended, on the progress board's clock: the time its lines are stamped with, so that the end line
   * never names a shorter time than the status change printed just before it.
   */
  final Duration elapsed;

  private WaitOutcome(String jobId, Kind kind, JobDetail job, WaitResult result, Throwable error, Duration elapsed) {
    this.jobId = jobId;
    this.kind = kind;
    this.job = job;
    this.result = result;
    this.error = error;
    this.elapsed = elapsed;
  }

  static WaitOutcome of(String jobId, WaitResult result, Throwable thrown, Duration elapsed) {
    if (thrown == null) {
      return new WaitOutcome(jobId, Kind.SUCCEEDED, result.job(), result, null, elapsed);
    }
    Throwable e = unwrap(thrown);
    if (e instanceof JobFailedException) {
      return new WaitOutcome(jobId, Kind.FAILED, ((JobFailedException) e).job(), null, e, elapsed);
    }
    if (e instanceof WaitTimeoutException) {
      return new WaitOutcome(jobId, Kind.TIMED_OUT, ((WaitTimeoutException) e).lastJob(), null, e, elapsed);
    }
    return new WaitOutcome(jobId, Kind.ERROR, null, null, e, elapsed);
  }

  /** {@code 1 poll}, {@code 5 polls}. */
  static String polls(int n) {
    return n + (n == 1 ? " poll" : " polls");
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * The exit code of a wait for several jobs: 1 if any job failed, else 3 if any wait timed out, else 4 if
   * any wait ended in another error, else 0. A failure outranks everything because it is the one answer
   * that is final about a job; a timeout outranks an error because waiting again may still help.
   */
  static int exitCode(List<WaitOutcome> outcomes) {
    boolean timedOut = false;
    boolean error = false;
    for (WaitOutcome o : outcomes) {
      if (o.kind == Kind.FAILED) {
        return ExitCodes.JOB_FAILED;
      }
      timedOut |= o.kind == Kind.TIMED_OUT;
      error |= o.kind == Kind.ERROR;
    }
    return timedOut ? ExitCodes.TIMEOUT : error ? ExitCodes.ERROR : ExitCodes.SUCCESS;
  }
}
