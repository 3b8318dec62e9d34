// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.JobDetail;
import io.sfsturbo.jobs.SubJobDetail;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.internal.Printable;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * Prints a job as a human table or as the API's JSON document.
 *
 * <p>Every value in the table came from the server, so each goes through {@link Printable#escape}: a job
 * type holding an escape sequence or a line break must show as text, not drive the terminal or forge a
 * row. The JSON form is written by {@link JsonOutput}, which escapes inside JSON strings instead.
 */
final class JobPrinter {
  private JobPrinter() {}

  static void print(JobDetail job, boolean json, PrintWriter out) {
    if (json) {
      out.println(JsonOutput.of(job));
      out.flush();
      return;
    }
    row(out, "Job", job.jobId());
    row(out, "Type", job.jobType());
    row(out, "Status", text(job.status()) + (job.isPartialFailure() ? " (with failed sub-jobs)" : ""));
    row(out, "Begin", time(job.beginTime(), job.beginTimeText()));
    row(out, "End", time(job.endTime(), job.endTimeText()));
    row(out, "Duration", Durations.human(job.duration()));
    if (job.errorCode() != null || job.failReason() != null) {
      row(out, "Error", dash(job.errorCode()) + ": " + dash(job.failReason()));
    }
    row(out, "Request id", job.requestId());
    if (!job.subJobs().isEmpty()) {
      out.println();
      String format = "  %-28s %-22s %-9s %s%n";
      out.printf(format, "SUB-JOB", "TYPE", "STATUS", "ERROR");
      for (SubJobDetail s : job.subJobs()) {
        String error = s.errorCode() == null && s.failReason() == null ? ""
            : dash(s.errorCode()) + ": " + dash(s.failReason());
        out.printf(format, dash(s.jobId()), dash(s.jobType()), text(s.status()), error);
      }
    }
    out.flush();
  }

  /** Prints one row; the value is escaped here, so callers pass server text as it came. */
  private static void row(PrintWriter out, String name, String value) {
    out.printf("%-11s %s%n", name, value == null ? "-" : Printable.escape(value));
  }

  /** Escapes server text for a table cell; null shows as a dash. */
  private static String dash(String s) {
    return s == null ? "-" : Printable.escape(s);
  }

  /** A status (or any value whose text the server chose), escaped; an undocumented status is kept as sent. */
  static String text(Object value) {
    return value == null ? "-" : Printable.escape(value.toString());
  }

  static String time(Instant instant, String text) {
    if (instant != null) {
      return instant.toString().replace('T', ' ').replace("Z", " UTC");
    }
    return text == null ? "-" : Printable.escape(text) + " (unreadable)";
  }

}
