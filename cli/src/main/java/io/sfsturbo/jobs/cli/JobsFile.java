// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * A step lasts {@code polls} polls or {@code seconds} seconds, exactly one of the two (a job and its sub-jobs use
 * one kind); {@code end} is {@code success} (default), {@code failed} or {@code never}. Job ids must differ, and
 * so must the sub-job ids of a job: the emulator would otherwise keep the last silently.
 *
 * <p>Every problem is a {@link SetupException} naming the file and where in it: the line and column of a syntax
 * error ({@link JsonText}), else the job, sub-job or step and the member. The file is read by {@link SmallFile}:
 * a regular file of at most {@link #MAX_BYTES}, scripting at most {@link #MAX_JOB_IDS} jobs and sub-jobs; a
 * pipe or a device is refused at once.
 */
final class JobsFile {
  static final int MAX_BYTES = 4 * 1024 * 1024;
  /** The most jobs and sub-jobs a file may script: the emulator keeps every one. */
  static final int MAX_JOB_IDS = 10_000;
  /** A step longer than the longest wait the CLI accepts would never end in any test. */
  private static final BigDecimal MAX_STEP_SECONDS = BigDecimal.valueOf(DurationConverter.MAX.getSeconds());

  private static final String[] JOB_KEYS = {"job_id", "job_type", "steps", "end", "error_code", "fail_reason",
      "sub_jobs", "faults"};
  private static final String[] SUB_JOB_KEYS = {"job_id", "job_type", "steps", "end", "error_code", "fail_reason"};

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
      f.parse(JsonText.parse(SmallFile.readUtf8(file, MAX_BYTES)));
    } catch (SmallFile.Refused | JsonText.Malformed e) {
      throw f.fail(e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
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
    JsonFields doc = new JsonFields(root, "the document").only("jobs", "fault_rate");
    JsonArray list = doc.array("jobs");
    if (list == null) {
      throw new IllegalArgumentException("must be a JSON object with a \"jobs\" array");
    }
    countIds(list);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      JsonFields job = new JsonFields(list.get(i), "job " + (i + 1)).only(JOB_KEYS);
      String id = jobId(job);
      Integer before = seen.put(id, i + 1);
      if (before != null) {
        throw new IllegalArgumentException("job id '" + SafeText.capped(id, 100) + "' is given twice (jobs " + before
            + " and " + (i + 1) + "); each job needs its own");
      }
      JsonFields named = new JsonFields(list.get(i), "job '" + SafeText.capped(id, 100) + "'");
      jobs.add(build(named, script(named, id, true)));
      if (job.has("faults")) {
        faultJobIds.add(id);
        faults.add(faultList(named, "faults"));
      }
    }
    if (doc.has("fault_rate")) {
      JsonFields rate = doc.object("fault_rate", "fault_rate").only("rate", "seed", "faults");
      BigDecimal r = rate.number("rate");
      if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
        throw rate.fail("\"rate\" must be between 0 and 1, was " + r.toPlainString());
      }
      faultRate = r.doubleValue();
      faultSeed = rate.has("seed") ? rate.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE) : 1;
      rateFaults = faultList(rate, "faults");
      if (faultRate > 0 && rateFaults.length == 0) {
        throw rate.fail("\"faults\" must name at least one fault to mix in");
      }
    }
  }

  /** Refuses a file over {@link #MAX_JOB_IDS} before any script is built: the emulator would keep them all. */
  private static void countIds(JsonArray list) {
    long ids = list.size();
    for (int i = 0; i < list.size() && ids <= MAX_JOB_IDS; i++) {
      JsonElement job = list.get(i);
      JsonElement subs = job.isJsonObject() ? job.getAsJsonObject().get("sub_jobs") : null;
      ids += subs != null && subs.isJsonArray() ? subs.getAsJsonArray().size() : 0;
    }
    if (ids > MAX_JOB_IDS) {
      throw new IllegalArgumentException("holds more than " + MAX_JOB_IDS + " job ids (jobs and sub-jobs together), "
          + "the limit");
    }
  }

  /** A job's id, checked as the CLI checks JOB_ID: an id no request could name is a mistake in the file. */
  private static String jobId(JsonFields job) {
    String id = job.string("job_id");
    try {
      SfsTurboJobsClient.requireValidJobId(id);
    } catch (IllegalArgumentException e) {
      String why = String.valueOf(e.getMessage());
      throw job.fail(why.startsWith("jobId") ? "job_id" + why.substring("jobId".length()) : "job_id: " + why);
    }
    return id;
  }

  private static JobScript.Builder script(JsonFields job, String id, boolean topLevel) {
    JobScript.Builder b = JobScript.builder(id);
    if (job.has("job_type")) {
      b.jobType(job.string("job_type"));
    }
    JsonArray steps = job.array("steps");
    for (int i = 0; steps != null && i < steps.size(); i++) {
      step(b, new JsonFields(steps.get(i), job.where + ": step " + (i + 1)).only("status", "polls", "seconds"));
    }
    String end = job.string("end", "success").toLowerCase(Locale.ROOT);
    switch (end) {
      case "success":
        b.succeeds();
        break;
      case "failed":
        b.fails(job.string("error_code", "SFS.TURBO.0001"), job.string("fail_reason", "failed"));
        break;
      case "never":
        b.neverEnds();
        break;
      default:
        throw job.fail("\"end\" must be success, failed or never, was '" + SafeText.capped(end, 40) + "'");
    }
    if (!topLevel) {
      return b;
    }
    JsonArray subs = job.array("sub_jobs");
    Set<String> subIds = new HashSet<>();
    for (int i = 0; subs != null && i < subs.size(); i++) {
      JsonElement element = subs.get(i);
      if (element.isJsonObject() && element.getAsJsonObject().has("sub_jobs")) {
        // The API has no sub-jobs of sub-jobs; refused rather than ignored, and never nested deep.
        String subId = new JsonFields(element, job.where + ": sub-job " + (i + 1)).string("job_id");
        throw job.fail("sub-job '" + SafeText.capped(subId, 100) + "' has sub_jobs; only a job has");
      }
      String subId = new JsonFields(element, job.where + ": sub-job " + (i + 1)).only(SUB_JOB_KEYS).string("job_id");
      if (!subIds.add(subId)) {
        throw job.fail("sub-job id '" + SafeText.capped(subId, 100) + "' is given twice; each sub-job needs its own");
      }
      JsonFields sub = new JsonFields(element, job.where + ": sub-job '" + SafeText.capped(subId, 100) + "'");
      b.subJob(script(sub, subId, false));
    }
    return b;
  }

  /** A step lasts polls or seconds: exactly one of the two, as a script counts either. */
  private static void step(JobScript.Builder b, JsonFields step) {
    String status = step.string("status");
    boolean polls = step.has("polls");
    if (polls == step.has("seconds")) {
      throw step.fail(polls ? "has both \"polls\" and \"seconds\"; give one" : "has neither \"polls\" nor \"seconds\"; "
          + "give one, e.g. \"polls\": 3");
    }
    try {
      if (polls) {
        b.status(status, (int) step.integer("polls", 1, Integer.MAX_VALUE));
      } else {
        BigDecimal seconds = step.number("seconds");
        if (seconds.signum() <= 0 || seconds.compareTo(MAX_STEP_SECONDS) > 0) {
          throw step.fail("\"seconds\" must be more than 0 and at most " + MAX_STEP_SECONDS + ", was "
              + seconds.toPlainString());
        }
        b.status(status, Duration.ofNanos(seconds.movePointRight(9).longValue()));
      }
    } catch (IllegalStateException e) {
      throw step.fail("counts " + (polls ? "polls" : "seconds") + " where an earlier step counts "
          + (polls ? "seconds" : "polls") + "; a job's steps use one kind");
    }
  }

  private static JobScript build(JsonFields job, JobScript.Builder b) {
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw job.fail(String.valueOf(e.getMessage()));
    }
  }

  private static Fault[] faultList(JsonFields owner, String key) {
    String[] names = owner.strings(key);
    Fault[] out = new Fault[names.length];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = Fault.valueOf(names[i].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw owner.fail("unknown fault '" + SafeText.capped(names[i], 60) + "'; known: "
            + Arrays.toString(Fault.values()));
      }
    }
    return out;
  }

  private SetupException fail(String why) {
    return new SetupException("--jobs " + SafeText.capped(file.toString(), 300) + ": " + SafeText.capped(why, 600));
  }
}
