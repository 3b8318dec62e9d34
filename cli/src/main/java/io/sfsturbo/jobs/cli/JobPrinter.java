// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.DurationText;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.text.SafeText;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prints a job as a human table or as the API's JSON document.
 *
 * <p>Every value in the table came from the server, so each goes through {@link SafeText#escape}: a job
 * type holding an escape sequence or a line break must show as text, not drive the terminal or forge a
 * row. The JSON form is written by {@link JsonOutput}, which escapes inside JSON strings instead.
 */
final class JobPrinter {
  private static final Set<String> LAID_OUT = new HashSet<>(Arrays.asList("job_id", "job_type", "status",
      "begin_time", "end_time", "error_code", "fail_reason", "sub_jobs"));

  private JobPrinter() {}

  static void print(JobDetail job, boolean json, PrintWriter out) {
    if (json) {
      out.println(JsonOutput.of(job));
      out.flush();
      return;
    }
    row(out, "Job", job.jobId());
    row(out, "Type", job.jobType());
    row(out, "Status", text(job.statusAsString()) + (job.isPartialFailure() ? " (with failed sub-jobs)" : ""));
    row(out, "Begin", time(job.beginTime(), job.beginTimeAsString()));
    row(out, "End", time(job.endTime(), job.endTimeAsString()));
    row(out, "Duration", DurationText.format(job.duration()));
    if (job.errorCode() != null || job.failReason() != null) {
      row(out, "Error", dash(job.errorCode()) + ": " + dash(job.failReason()));
    }
    // Fields the spec gained after this table was laid out: shown by their JSON names, so that a
    // regenerated model reaches the table without a change here.
    for (Map.Entry<String, JsonElement> extra : otherFields(JsonOutput.fromFields(job)).entrySet()) {
      row(out, label(extra.getKey()), plain(extra.getValue()));
    }
    row(out, "Request id", job.requestId());
    if (!job.subJobs().isEmpty()) {
      out.println();
      String format = "  %-28s %-22s %-9s %s%s%n";
      out.printf(format, "SUB-JOB", "TYPE", "STATUS", "ERROR", "");
      for (SubJobDetail s : job.subJobs()) {
        String error = s.errorCode() == null && s.failReason() == null ? ""
            : dash(s.errorCode()) + ": " + dash(s.failReason());
        StringBuilder more = new StringBuilder();
        for (Map.Entry<String, JsonElement> extra : otherFields(JsonOutput.fromFields(s)).entrySet()) {
          more.append("  ").append(SafeText.escape(extra.getKey())).append('=').append(plain(extra.getValue()));
        }
        out.printf(format, dash(s.jobId()), dash(s.jobType()), text(s.statusAsString()), error, more);
      }
    }
    out.flush();
  }

  /** The fields of a job or sub-job document other than those the table lays out itself. */
  private static Map<String, JsonElement> otherFields(JsonObject fields) {
    Map<String, JsonElement> other = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
      if (!LAID_OUT.contains(e.getKey())) {
        other.put(e.getKey(), e.getValue());
      }
    }
    return other;
  }

  /** {@code progress_percent} as {@code Progress percent}. */
  private static String label(String jsonName) {
    String words = jsonName.replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A value as text: a string without its quotes, anything else as JSON. */
  private static String plain(JsonElement value) {
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
      return SafeText.escape(value.getAsString());
    }
    StringBuilder sb = new StringBuilder();
    JsonOutput.write(value, sb);
    return sb.toString();
  }

  /** Prints one row; the value is escaped here, so callers pass server text as it came. */
  private static void row(PrintWriter out, String name, String value) {
    out.printf("%-11s %s%n", name, value == null ? "-" : SafeText.escape(value));
  }

  /** Escapes server text for a table cell; null shows as a dash. */
  private static String dash(String s) {
    return s == null ? "-" : SafeText.escape(s);
  }

  /** A status (or any value whose text the server chose), escaped; an undocumented status is kept as sent. */
  static String text(Object value) {
    return value == null ? "-" : SafeText.escape(value.toString());
  }

  static String time(Instant instant, String text) {
    if (instant != null) {
      return instant.toString().replace('T', ' ').replace("Z", " UTC");
    }
    return text == null ? "-" : SafeText.escape(text) + " (unreadable)";
  }

}
