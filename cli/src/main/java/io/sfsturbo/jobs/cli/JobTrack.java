// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.retry.Backoff;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import java.time.Duration;

/**
 * One job on a {@link ProgressBoard}: hears the wait's events and the board's poll counts, and says where
 * the job stands in one line. Ids, types and statuses are escaped ({@link SafeText#escape}) so that one
 * line stays one line and no escape sequence the server chose reaches the terminal. Guarded by the board.
 */
final class JobTrack implements JobProgressListener {
  /** The ranks of {@link #rank()}, most interesting first; {@link #RANKS} counts them. */
  static final int FAILED = 0;
  static final int RUNNING = 1;
  static final int DONE = 2;
  static final int RANKS = 3;

  private final ProgressBoard board;
  final String shownId;
  private final Backoff pollBackoff;
  long lastPrinted;
  private String status = "starting";
  /** The job's last status ended it: no next poll to announce while the wait wraps up. */
  private boolean terminal;
  private int subDone;
  private int subTotal;
  private int polls;
  private boolean polling;
  private long lastPollEnded = -1;
  private String outcome;
  private boolean succeeded;

  JobTrack(ProgressBoard board, String jobId, Backoff pollBackoff, long now) {
    this.board = board;
    this.shownId = SafeText.escape(jobId);
    this.pollBackoff = pollBackoff;
    this.lastPrinted = now;
  }

  void pollStarted() {
    synchronized (board) {
      polling = true;
      polls++;
    }
  }

  void pollEnded(long now) {
    synchronized (board) {
      polling = false;
      lastPollEnded = now;
    }
  }

  /**
   * Marks the wait as over, e.g. {@code success after 5 polls in 2.1s}; the live line keeps it.
   *
   * @param outcomeText the outcome in a few words
   * @param success whether the job succeeded (not failed, timed out or in error)
   */
  void ended(String outcomeText, boolean success) {
    synchronized (board) {
      outcome = outcomeText;
      succeeded = success;
    }
  }

  boolean ended() {
    return outcome != null;
  }

  /**
   * Where the job goes on a board too small for all: {@link #FAILED} (a timeout or an error too),
   * {@link #RUNNING} or {@link #DONE}.
   */
  int rank() {
    return outcome == null ? RUNNING : succeeded ? DONE : FAILED;
  }

  /** The state in a few words: status, elapsed, sub-jobs, polls and the next poll. */
  String summary(long now) {
    if (outcome != null) {
      return outcome;
    }
    StringBuilder sb = new StringBuilder(status);
    if (subTotal > 0) {
      sb.append(", sub-jobs ").append(subDone).append('/').append(subTotal).append(" done");
    }
    sb.append(", ").append(polls).append(polls == 1 ? " poll" : " polls");
    if (terminal) {
      return sb.toString();
    }
    if (polling) {
      sb.append(", polling now");
    } else if (lastPollEnded >= 0) {
      // The wait draws its jitter below the backoff's delay, so the delay without jitter is the latest the
      // next poll comes (a server's Retry-After aside).
      Duration next = pollBackoff.delay(Math.max(0, polls - 1), 0.0).minusNanos(now - lastPollEnded);
      sb.append(", next poll in ").append(next.isNegative() || next.isZero() ? "a moment" : DurationText.format(round(next)));
    }
    return sb.toString();
  }

  /** Whole seconds above a second: a countdown in tenths would flicker. */
  private static Duration round(Duration d) {
    return d.compareTo(Duration.ofSeconds(1)) < 0 ? d : Duration.ofSeconds((d.toMillis() + 999) / 1000);
  }

  @Override
  public void onJobStatusChanged(JobDetail job, JobStatus previous, JobStatus current) {
    String was;
    synchronized (board) {
      // The text as the service sent it: a status the SDK does not know shows as itself, not as UNKNOWN_TO_SDK_VERSION.
      was = previous == null ? "" : status + " -> ";
      status = JobPrinter.text(job.statusAsString());
      terminal = current != null && current.isTerminal();
      subTotals(job);
    }
    board.event(this, "job " + shownId + ": " + was + status);
  }

  @Override
  public void onSubJobStatusChanged(JobDetail job, SubJobDetail sub, JobStatus previous, JobStatus current) {
    synchronized (board) {
      subTotals(job);
    }
    board.event(this, "  sub-job " + SafeText.escape(String.valueOf(sub.jobId())) + " ("
        + SafeText.escape(String.valueOf(sub.jobType())) + ") of " + shownId + ": " + change(previous)
        + JobPrinter.text(sub.statusAsString()));
  }

  @Override
  public void onUnknownStatus(JobDetail job) {
    board.event(this, "job " + shownId + " reports an undocumented status '" + JobPrinter.text(job.statusAsString())
        + "'; still waiting");
  }

  @Override
  public void onJobNotFoundYet(String jobId, Duration gracePeriod) {
    synchronized (board) {
      status = "not found yet";
    }
    // Said at once: a mistyped id would otherwise be the whole grace period of silence.
    board.event(this, "job " + shownId + " not found yet; it may have just been created, so trying until "
        + DurationText.format(gracePeriod) + " have passed (then it is an error: check the id)");
  }

  private void subTotals(JobDetail job) {
    subTotal = job.subJobs().size();
    int done = 0;
    for (SubJobDetail s : job.subJobs()) {
      if (s.status() != null && s.status().isTerminal()) {
        done++;
      }
    }
    subDone = done;
  }

  private static String change(JobStatus previous) {
    return previous == null ? "" : JobPrinter.text(previous) + " -> ";
  }
}
