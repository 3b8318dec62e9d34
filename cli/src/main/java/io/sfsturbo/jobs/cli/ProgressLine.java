// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.internal.Printable;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import java.io.PrintWriter;
import io.sfsturbo.jobs.internal.Durations;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Writes each status change of the job and its sub-jobs to stderr, with the elapsed time.
 *
 * <p>Ids, types and statuses come from the server and are escaped ({@link Printable#escape}) so that one
 * line stays one line and no escape sequence reaches the terminal.
 */
final class ProgressLine implements JobProgressListener {
  private final PrintWriter err;
  private final long start = System.nanoTime();

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  private String elapsed() {
    Duration d = Duration.ofNanos(System.nanoTime() - start);
    return d.getSeconds() < 60 ? String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0)
        : Durations.human(d);
  }

  @Override
  public void onJobStatusChanged(JobDetail job, JobStatus previous, JobStatus current) {
    err.printf("[%7s] job %s: %s%s%n", elapsed(), Printable.escape(job.jobId()), change(previous), JobPrinter.text(job.statusAsString()));
    err.flush();
  }

  @Override
  public void onSubJobStatusChanged(JobDetail job, SubJobDetail sub, JobStatus previous, JobStatus current) {
    err.printf("[%7s]   sub-job %s (%s): %s%s%n", elapsed(), Printable.escape(sub.jobId()),
        Printable.escape(sub.jobType()), change(previous), JobPrinter.text(sub.statusAsString()));
    err.flush();
  }

  @Override
  public void onUnknownStatus(JobDetail job) {
    err.printf("[%7s] job %s reports an undocumented status '%s'; still waiting%n", elapsed(),
        Printable.escape(job.jobId()), JobPrinter.text(job.statusAsString()));
    err.flush();
  }

  @Override
  public void onJobNotFoundYet(String jobId, Duration gracePeriod) {
    // Said at once: a mistyped id would otherwise be the whole grace period of silence.
    LocalTime until = LocalTime.now().plus(gracePeriod.minus(Duration.ofNanos(System.nanoTime() - start)))
        .truncatedTo(ChronoUnit.SECONDS);
    err.printf("[%7s] job %s not found yet; it may have just been created, so trying until %s (grace period %s)%n",
        elapsed(), Printable.escape(jobId), until, Durations.human(gracePeriod));
    err.flush();
  }

  private static String change(JobStatus previous) {
    return previous == null ? "" : text(previous) + " -> ";
  }

  private static String text(JobStatus status) {
    return JobPrinter.text(status);
  }
}
