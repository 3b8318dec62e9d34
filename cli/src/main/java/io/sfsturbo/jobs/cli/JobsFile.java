// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the jobs of {@code emulate --jobs FILE}: a JSON document such as
 * <pre>{@code
 * {"jobs": [
 *   {"job_id": "job-1", "job_type": "expand",
 *    "steps": [{"status": "waiting", "polls": 1}, {"status": "running", "polls": 3}],
 *    "end": "failed", "error_code": "SFS.TURBO.0038", "fail_reason": "disk full",
 *    "sub_jobs": [{"job_id": "sub-1", "steps": [{"status": "running", "polls": 2}], "end": "success"}],
 *    "faults": ["THROTTLED", "CONNECTION_RESET"]}],
 *  "fault_rate": {"rate": 0.1, "seed": 42, "faults": ["INTERNAL_ERROR"]}}
 * }</pre>
 * A step lasts {@code polls} polls or {@code seconds} seconds (a job and its sub-jobs use one kind);
 * {@code end} is {@code success} (default), {@code failed} or {@code never}. Every problem is a
 * {@link SetupException} naming the file and the job. The file is read by {@link SmallFile}: a regular file
 * of at most {@link #MAX_BYTES}, scripting at most {@link #MAX_JOB_IDS} jobs and sub-jobs; a pipe or a device
 * is refused at once.
 */
final class JobsFile {
  static final int MAX_BYTES = 4 * 1024 * 1024;
  /** The most jobs and sub-jobs a file may script: the emulator keeps every one. */
  static final int MAX_JOB_IDS = 10_000;

  private final Path file;
  private final List<JobScript> jobs = new ArrayList<>();
  private final List<String> faultJobIds = new ArrayList<>();
  private final List<Fault[]> faults = new ArrayList<>();
  private double faultRate;
  private long faultSeed;
  private Fault[] rateFaults = new Fault[0];

  private JobsFile(Path file) {
    this.file = file;
  }

  static JobsFile read(Path file) {
    JobsFile f = new JobsFile(file);
    try {
      f.parse(JsonParser.parseString(SmallFile.readUtf8(file, MAX_BYTES)));
    } catch (SmallFile.Refused e) {
      throw f.fail(e.getMessage());
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException | ClassCastException
        | UnsupportedOperationException e) {
      throw f.fail(String.valueOf(e.getMessage()));
    }
    return f;
  }

  /** Loads the jobs and faults into an emulator. */
  void apply(SfsTurboEmulator emulator) {
    for (JobScript job : jobs) {
      emulator.addJob(job);
    }
    for (int i = 0; i < faultJobIds.size(); i++) {
      emulator.enqueueFaults(faultJobIds.get(i), faults.get(i));
    }
    if (faultRate > 0) {
      emulator.faultRate(faultRate, faultSeed, rateFaults);
    }
  }

  int size() {
    return jobs.size();
  }

  private void parse(JsonElement root) {
    if (!root.isJsonObject() || !root.getAsJsonObject().has("jobs")) {
      throw new IllegalArgumentException("must be a JSON object with a \"jobs\" array");
    }
    JsonObject doc = root.getAsJsonObject();
    JsonArray list = doc.getAsJsonArray("jobs");
    int ids = list.size();
    for (int i = 0; i < list.size() && ids <= MAX_JOB_IDS; i++) {
      JsonElement subs = list.get(i).getAsJsonObject().get("sub_jobs");
      ids += subs != null && subs.isJsonArray() ? subs.getAsJsonArray().size() : 0;
    }
    if (ids > MAX_JOB_IDS) {
      throw new IllegalArgumentException("holds more than " + MAX_JOB_IDS + " job ids (jobs and sub-jobs together), "
          + "the limit");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonObject job = list.get(i).getAsJsonObject();
      String id = text(job, "job_id", "job " + (i + 1));
      try {
        jobs.add(script(job, id).build());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("job '" + SafeText.capped(id, 100) + "': " + e.getMessage(), e);
      }
      if (job.has("faults")) {
        faultJobIds.add(id);
        faults.add(faultList(job.getAsJsonArray("faults")));
      }
    }
    if (doc.has("fault_rate")) {
      JsonObject rate = doc.getAsJsonObject("fault_rate");
      faultRate = rate.get("rate").getAsDouble();
      faultSeed = rate.has("seed") ? rate.get("seed").getAsLong() : 1;
      rateFaults = faultList(rate.getAsJsonArray("faults"));
      if (!(faultRate >= 0 && faultRate <= 1)) {
        throw new IllegalArgumentException("fault_rate.rate must be between 0 and 1");
      }
    }
  }

  private static JobScript.Builder script(JsonObject job, String id) {
    JobScript.Builder b = JobScript.builder(id);
    if (job.has("job_type")) {
      b.jobType(job.get("job_type").getAsString());
    }
    if (job.has("steps")) {
      for (JsonElement e : job.getAsJsonArray("steps")) {
        JsonObject step = e.getAsJsonObject();
        String status = text(step, "status", "a step");
        if (step.has("seconds")) {
          b.status(status, Duration.ofMillis((long) (step.get("seconds").getAsDouble() * 1000)));
        } else {
          b.status(status, step.has("polls") ? step.get("polls").getAsInt() : 1);
        }
      }
    }
    String end = job.has("end") ? job.get("end").getAsString().toLowerCase(Locale.ROOT) : "success";
    switch (end) {
      case "success":
        b.succeeds();
        break;
      case "failed":
        b.fails(job.has("error_code") ? job.get("error_code").getAsString() : "SFS.TURBO.0001",
            job.has("fail_reason") ? job.get("fail_reason").getAsString() : "failed");
        break;
      case "never":
        b.neverEnds();
        break;
      default:
        throw new IllegalArgumentException("end must be success, failed or never");
    }
    if (job.has("sub_jobs")) {
      JsonArray subs = job.getAsJsonArray("sub_jobs");
      for (int i = 0; i < subs.size(); i++) {
        JsonObject sub = subs.get(i).getAsJsonObject();
        String subId = text(sub, "job_id", "sub-job " + (i + 1));
        if (sub.has("sub_jobs")) {
          // The API has no sub-jobs of sub-jobs; refused rather than ignored, and never nested deep.
          throw new IllegalArgumentException("sub-job '" + SafeText.capped(subId, 100) + "' has sub_jobs; only a job has");
        }
        b.subJob(script(sub, subId));
      }
    }
    return b;
  }

  private static Fault[] faultList(JsonArray list) {
    Fault[] out = new Fault[list.size()];
    for (int i = 0; i < out.length; i++) {
      String name = list.get(i).getAsString();
      try {
        out[i] = Fault.valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown fault '" + SafeText.capped(name, 60) + "'; known: "
            + java.util.Arrays.toString(Fault.values()), e);
      }
    }
    return out;
  }

  private static String text(JsonObject o, String key, String what) {
    if (!o.has(key) || !o.get(key).isJsonPrimitive()) {
      throw new IllegalArgumentException(what + " has no \"" + key + "\"");
    }
    return o.get(key).getAsString();
  }

  private SetupException fail(String why) {
    return new SetupException("--jobs " + SafeText.capped(file.toString(), 300) + ": " + SafeText.capped(why, 600));
  }
}
