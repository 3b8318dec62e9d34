// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The scripted life of an emulated job or sub-job: statuses held for a number of polls (or for
 * a stretch of the emulator's clock), then an end. An immutable value.
 *
 * <pre>{@code
 * JobScript.builder("job-1").jobType("expand")
 *     .status("waiting", 1).status("running", 3)   // polls 1 and 2-4
 *     .fails("SFS.TURBO.0038", "disk full")        // from poll 5 on
 *     .subJob(JobScript.builder("sub-1").status("running", 2).succeeds())
 *     .build();
 * }</pre>
 */
public final class JobScript {
  /**
   * The {@code job_type} of a job whose script sets none: {@code bind_ldap}, the type of the API
   * page's example. A sub-job whose script sets none takes its job's type instead (see
   * {@link Builder#jobType}).
   */
  public static final String DEFAULT_JOB_TYPE = "bind_ldap";

  /** How the end of a script looks. */
  public enum End {
    /** Ends with {@code success}. */
    SUCCESS,
    /** Ends with {@code failed}, an error code and a reason. */
    FAILED,
    /** Never ends: the last phase's status stays. */
    NEVER
  }

  /** One status held for a length of polls or time. */
  static final class Phase {
    final String status;
    final int polls;
    final Duration duration;

    Phase(String status, int polls, Duration duration) {
      this.status = status;
      this.polls = polls;
      this.duration = duration;
    }
  }

  private final String jobId;
  private final String jobType;
  /** Whether the script set its type; a sub-job without one takes its job's. */
  private final boolean jobTypeSet;
  private final List<Phase> phases;
  private final End end;
  private final String errorCode;
  private final String failReason;
  private final List<JobScript> subJobs;
  private final boolean byTime;

  private JobScript(Builder b) {
    this.jobId = b.jobId;
    this.jobType = b.jobType != null ? b.jobType : DEFAULT_JOB_TYPE;
    this.jobTypeSet = b.jobType != null;
    this.phases = Collections.unmodifiableList(new ArrayList<>(b.phases));
    this.end = b.end;
    this.errorCode = b.errorCode;
    this.failReason = b.failReason;
    List<JobScript> subs = new ArrayList<>();
    for (JobScript sub : b.subJobs) {
      // Done here rather than in subJob() so that the order of jobType() and subJob() calls
      // does not matter.
      subs.add(sub.jobTypeSet ? sub : sub.withInheritedType(this.jobType));
    }
    this.subJobs = Collections.unmodifiableList(subs);
    this.byTime = b.byTime;
  }

  /** A copy of an untyped sub-job's script with its job's type. */
  private JobScript(JobScript base, String inheritedType) {
    this.jobId = base.jobId;
    this.jobType = inheritedType;
    this.jobTypeSet = true;
    this.phases = base.phases;
    this.end = base.end;
    this.errorCode = base.errorCode;
    this.failReason = base.failReason;
    this.subJobs = base.subJobs;
    this.byTime = base.byTime;
  }

  private JobScript withInheritedType(String type) {
    return new JobScript(this, type);
  }

  /**
   * Starts a script.
   *
   * @param jobId the job id the emulator answers to
   * @return the builder
   */
  public static Builder builder(String jobId) {
    return new Builder(jobId);
  }

  /** Returns the job id. */
  public String jobId() {
    return jobId;
  }

  /**
   * Returns the job type: the one set on the builder, else for a sub-job (as found in its job's
   * {@link #subJobs()}) its job's type, else {@link #DEFAULT_JOB_TYPE}.
   */
  public String jobType() {
    return jobType;
  }

  /** Returns how the script ends. */
  public End end() {
    return end;
  }

  /** Returns the error code of a failing script, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** Returns the fail reason of a failing script, or null. */
  public String failReason() {
    return failReason;
  }

  /** Returns the sub-job scripts. */
  public List<JobScript> subJobs() {
    return subJobs;
  }

  /** Returns whether phases last a stretch of the emulator's clock rather than a number of polls. */
  public boolean isByTime() {
    return byTime;
  }

  /**
   * Returns the status at a point of the job's life.
   *
   * @param poll the 1-based poll number (for poll-driven scripts)
   * @param elapsed the time since the job was added (for time-driven scripts)
   * @return the status text
   */
  public String statusAt(int poll, Duration elapsed) {
    long consumed = 0;
    for (Phase p : phases) {
      consumed += byTime ? p.duration.toMillis() : p.polls;
      if (byTime ? elapsed.toMillis() < consumed : poll <= consumed) {
        return p.status;
      }
    }
    switch (end) {
      case SUCCESS:
        return "success";
      case FAILED:
        return "failed";
      default:
        return phases.isEmpty() ? "running" : phases.get(phases.size() - 1).status;
    }
  }

  /** Returns the total length of a time-driven script's phases. */
  Duration totalDuration() {
    Duration d = Duration.ZERO;
    for (Phase p : phases) {
      d = d.plus(p.duration);
    }
    return d;
  }

  /** Builds a {@link JobScript}. */
  public static final class Builder {
    private final String jobId;
    /** Null until set: then {@link #DEFAULT_JOB_TYPE}, or for a sub-job its job's type. */
    private String jobType;
    private final List<Phase> phases = new ArrayList<>();
    private End end = End.SUCCESS;
    private String errorCode;
    private String failReason;
    private final List<JobScript> subJobs = new ArrayList<>();
    private Boolean modeByTime;
    private boolean byTime;

    private Builder(String jobId) {
      this.jobId = Objects.requireNonNull(jobId, "jobId");
    }

    /**
     * Sets {@code jobType}. Without it a job reports {@link #DEFAULT_JOB_TYPE}, and a sub-job
     * reports the type of the job it is added to (a sub-job is a step of its job's operation, so
     * the job's type is a closer guess than a fixed one).
     *
     * @param jobType the {@code job_type} to report
     * @return this builder
     */
    public Builder jobType(String jobType) {
      this.jobType = Objects.requireNonNull(jobType, "jobType");
      return this;
    }

    /**
     * Holds a status for a number of polls.
     *
     * @param status any text, documented or not (for example {@code running}, or {@code cancelling})
     * @param polls at least 1
     * @return this builder
     */
    public Builder status(String status, int polls) {
      mode(false);
      if (polls < 1) {
        throw new IllegalArgumentException("polls must be at least 1, was " + polls);
      }
      phases.add(new Phase(Objects.requireNonNull(status, "status"), polls, null));
      return this;
    }

    /**
     * Holds a status for a stretch of the emulator's clock, counted from when the job is added.
     *
     * @param status the status text
     * @param duration positive
     * @return this builder
     */
    public Builder status(String status, Duration duration) {
      mode(true);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("duration must be positive, was " + duration);
      }
      phases.add(new Phase(Objects.requireNonNull(status, "status"), 0, duration));
      return this;
    }

    private void mode(boolean time) {
      if (modeByTime != null && modeByTime != time) {
        throw new IllegalStateException("a script is driven either by polls or by time, not both");
      }
      modeByTime = time;
      byTime = time;
    }

    /**
     * Ends the script with {@code success}.
     *
     * @return this builder
     */
    public Builder succeeds() {
      this.end = End.SUCCESS;
      return this;
    }

    /**
     * Ends the script with {@code failed}.
     *
     * @param errorCode the {@code error_code} to report
     * @param failReason the {@code fail_reason} to report
     * @return this builder
     */
    public Builder fails(String errorCode, String failReason) {
      this.end = End.FAILED;
      this.errorCode = errorCode;
      this.failReason = failReason;
      return this;
    }

    /**
     * Makes the last status stay forever.
     *
     * @return this builder
     */
    public Builder neverEnds() {
      this.end = End.NEVER;
      return this;
    }

    /**
     * Adds a sub-job. The emulator reports a sub-job with its job's {@code begin_time} (its phases
     * count from when the job was added), an {@code end_time} from when it reached
     * {@code success} or {@code failed}, and this job's type unless its script sets one.
     *
     * @param subJob a sub-job's script, driven the same way as this one
     * @return this builder
     */
    public Builder subJob(JobScript subJob) {
      subJobs.add(Objects.requireNonNull(subJob, "subJob"));
      return this;
    }

    /**
     * Adds a sub-job.
     *
     * @param subJob a sub-job's script builder
     * @return this builder
     */
    public Builder subJob(Builder subJob) {
      return subJob(subJob.build());
    }

    /**
     * @return the script
     */
    public JobScript build() {
      for (JobScript sub : subJobs) {
        if (!sub.phases.isEmpty() && modeByTime != null && sub.byTime != byTime) {
          throw new IllegalStateException("sub-job " + sub.jobId + " must be driven like its job");
        }
      }
      return new JobScript(this);
    }
  }
}
