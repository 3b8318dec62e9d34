// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.text.SafeText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code wait} prints about its jobs: on stdout the jobs that were read (a table each, one JSON document or
 * array, or NDJSON), on stderr one line per job and a count. Reports exactly once, whichever comes first: the end
 * of every wait ({@link #finish}) or Ctrl-C ({@link #interrupted}), which runs on a shutdown hook while the waits
 * go on. NDJSON is a stream: each job's line goes out, flushed, the moment its wait ends, so a pipeline can act on
 * one job while the others run.
 */
final class WaitReport {
  private final OutputFormat format;
  private final PrintWriter out;
  private final PrintWriter err;
  /** {@code --progress none}: stderr says nothing about a job that succeeded, only about those that did not. */
  private final boolean quiet;
  private final boolean verbose;
  /** The given job ids' order, which the output keeps (the waits end in any order). */
  private final List<String> order;
  private final List<WaitOutcome> ended = new ArrayList<>();
  private boolean reported;
  private boolean interrupted;

  WaitReport(OutputFormat format, PrintWriter out, PrintWriter err, boolean quiet, boolean verbose, List<String> order) {
    this.format = format;
    this.out = out;
    this.err = err;
    this.quiet = quiet;
    this.verbose = verbose;
    this.order = order;
  }

  /** A wait ended; called on whichever thread ended it. */
  synchronized void ended(WaitOutcome o) {
    if (reported) {
      return;
    }
    ended.add(o);
    if (format == OutputFormat.ndjson && o.job != null) {
      JobPrinter.print(o.job, true, out);
    }
  }

  /** Ctrl-C (or SIGTERM): says so on one line, then prints the jobs whose waits had ended. */
  synchronized void interrupted() {
    if (reported) {
      return;
    }
    reported = true;
    interrupted = true;
    int running = order.size() - ended.size();
    err.println("interrupted; " + (running == 0 ? "every job had ended"
        : running + (running == 1 ? " job may" : " jobs may") + " still be running"));
    err.flush();
    print(sorted(ended));
  }

  /** Every wait ended: the lines on stderr, then the jobs on stdout. */
  synchronized void finish(List<WaitOutcome> outcomes) {
    if (reported) {
      return;
    }
    reported = true;
    report(outcomes);
    print(outcomes);
  }

  synchronized boolean wasInterrupted() {
    return interrupted;
  }

  private List<WaitOutcome> sorted(List<WaitOutcome> outcomes) {
    List<WaitOutcome> copy = new ArrayList<>(outcomes);
    copy.sort(Comparator.comparingInt(o -> order.indexOf(o.jobId)));
    return copy;
  }

  /** stderr: one line per job, then a count for several. */
  private void report(List<WaitOutcome> outcomes) {
    int[] counts = new int[WaitOutcome.Kind.values().length];
    for (WaitOutcome o : outcomes) {
      counts[o.kind.ordinal()]++;
      if (o.kind != WaitOutcome.Kind.SUCCEEDED) {
        SfsTurboJobsCli.printError(o.error, err, verbose);
      } else if (!quiet) {
        err.printf("job %s ended %s after %s in %s%n", SafeText.escape(o.jobId), JobPrinter.text(o.job.status()),
            WaitOutcome.polls(o.result.polls()), DurationText.format(o.elapsed));
      }
    }
    if (outcomes.size() > 1 && !quiet) {
      err.printf("%d jobs: %d succeeded, %d failed, %d timed out, %d errors%n", outcomes.size(),
          counts[WaitOutcome.Kind.SUCCEEDED.ordinal()], counts[WaitOutcome.Kind.FAILED.ordinal()],
          counts[WaitOutcome.Kind.TIMED_OUT.ordinal()], counts[WaitOutcome.Kind.ERROR.ordinal()]);
    }
    err.flush();
  }

  /** stdout: every job that was read, as a table, one JSON document (an array for several), or NDJSON. */
  private void print(List<WaitOutcome> outcomes) {
    if (format == OutputFormat.ndjson) {
      // Printed as each wait ended.
      return;
    }
    List<WaitOutcome> read = new ArrayList<>();
    for (WaitOutcome o : outcomes) {
      if (o.job != null) {
        read.add(o);
      }
    }
    if (format == OutputFormat.json && order.size() > 1) {
      StringBuilder sb = new StringBuilder("[");
      for (WaitOutcome o : read) {
        sb.append(sb.length() > 1 ? "," : "").append(JsonOutput.of(o.job));
      }
      out.println(sb.append(']'));
    } else {
      boolean first = true;
      for (WaitOutcome o : read) {
        if (!first) {
          out.println();
        }
        first = false;
        JobPrinter.print(o.job, format == OutputFormat.json, out);
      }
    }
    out.flush();
  }
}
