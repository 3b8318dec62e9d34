// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.waiter;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a wait's listener and log what changed at each poll, and only that: the job's status (compared as
 * text where the SDK does not know the value, so that {@code cancelled} then {@code paused} is a change),
 * each sub-job's status, a status first seen undocumented, a job not found yet, and each checkpoint. What
 * it remembers goes into the checkpoint, so that a resumed wait reports only changes. A listener that
 * throws is logged and does not disturb the wait.
 */
final class ProgressReporter {
  private static final Logger LOG = LoggerFactory.getLogger("io.sfsturbo.jobs.waiter.JobWaiter");

  private final String jobId;
  private final JobProgressListener listener;
  private JobStatus lastStatus;
  private String lastStatusText;
  private Object lastStatusKey;
  /**
   * Each sub-job's last status text, by id. Empty and shared until a sub-job is seen, like
   * {@link #unknownSeen} until then null: most of 100 000 pending waits never need either.
   */
  private Map<String, String> subSeen = Collections.emptyMap();
  private Set<String> unknownSeen;
  private boolean notFoundReported;

  ProgressReporter(String jobId, JobProgressListener listener, WaitCheckpoint from) {
    this.jobId = jobId;
    this.listener = listener;
    this.notFoundReported = from.notFoundReported();
    String status = from.lastStatus();
    if (status != null) {
      lastStatusText = status;
      lastStatus = JobStatus.fromValue(status);
      lastStatusKey = statusKey(status);
      if (lastStatus == JobStatus.UNKNOWN_TO_SDK_VERSION) {
        firstTimeUnknown(status);
      }
    }
    if (!from.subJobStatuses().isEmpty()) {
      subSeen = new LinkedHashMap<>(from.subJobStatuses());
    }
  }

  /** Whether a poll read the job before (here or before the checkpoint). */
  boolean hasSeenJob() {
    return lastStatusText != null;
  }

  String lastStatusText() {
    return lastStatusText;
  }

  Map<String, String> subJobStatuses() {
    return subSeen;
  }

  boolean notFoundReported() {
    return notFoundReported;
  }

  /** Whether a checkpoint after a poll is worth taking: only a listener hears it. */
  boolean wantsCheckpoints() {
    return listener != io.sfsturbo.jobs.waiter.WaitOptions.defaults().listener();
  }

  /** Tells the listener about each change since the last poll; returns whether the job's status changed. */
  boolean polled(JobDetail job) {
    boolean changed = !Objects.equals(lastStatusKey, statusKey(job.statusAsString()));
    lastStatusText = job.statusAsString();
    if (changed) {
      JobStatus previous = lastStatus;
      lastStatus = job.status();
      lastStatusKey = statusKey(job.statusAsString());
      safely(() -> listener.onJobStatusChanged(job, previous, job.status()));
    }
    if (job.hasUnknownStatus() && firstTimeUnknown(job.statusAsString())) {
      safely(() -> listener.onUnknownStatus(job));
    }
    subJobs(job);
    return changed;
  }

  private void subJobs(JobDetail job) {
    List<SubJobDetail> subs = job.subJobs();
    if (subSeen.size() > subs.size()) {
      // Only the sub-jobs of this answer are remembered: ids a server chose once and dropped must not pile up
      // in memory and in every checkpoint for the rest of the wait.
      Set<String> current = new HashSet<>();
      for (int i = 0; i < subs.size(); i++) {
        current.add(key(subs.get(i), i));
      }
      subSeen.keySet().retainAll(current);
    }
    for (int i = 0; i < subs.size(); i++) {
      SubJobDetail sub = subs.get(i);
      String key = key(sub, i);
      boolean known = subSeen.containsKey(key);
      String was = subSeen.get(key);
      if (!known || !Objects.equals(statusKey(was), statusKey(sub.statusAsString()))) {
        if (subSeen.isEmpty()) {
          subSeen = new LinkedHashMap<>();
        }
        subSeen.put(key, sub.statusAsString());
        JobStatus previous = known ? JobStatus.fromValue(was) : null;
        safely(() -> listener.onSubJobStatusChanged(job, sub, previous, sub.status()));
        if (LOG.isInfoEnabled()) {
          LOG.info("job {} sub-job {} ({}): {} -> {}", jobId, SafeText.forMessage(sub.jobId()),
              SafeText.forMessage(sub.jobType()), known ? SafeText.forMessage(was) : null,
              SafeText.forMessage(sub.statusAsString()));
        }
      }
    }
  }

  private static String key(SubJobDetail sub, int index) {
    return sub.jobId() != null ? sub.jobId() : "#" + index;
  }

  /** The first poll found no such job: heard once per wait. */
  void notFoundYet(Duration grace) {
    if (!notFoundReported) {
      notFoundReported = true;
      LOG.info("job {} not found yet; it may have just been created, so the wait keeps trying for {}", jobId,
          DurationText.format(grace));
      safely(() -> listener.onJobNotFoundYet(jobId, grace));
    }
  }

  void checkpoint(WaitCheckpoint c) {
    safely(() -> listener.onCheckpoint(c));
  }

  /** Logs a change of the job's status, with what comes next. */
  void logChange(JobDetail job, Duration next, int polls, Duration elapsed) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String type = SafeText.forMessage(job.jobType());
    String status = SafeText.forMessage(job.statusAsString());
    if (next == null) {
      LOG.info("job {} ({}) is now {} after {} {} in {}", jobId, type, status, polls, polls == 1 ? "poll" : "polls",
          DurationText.format(elapsed));
    } else {
      LOG.info("job {} ({}) is now {}; next poll in {}", jobId, type, status, DurationText.format(next));
    }
  }

  /** The status as compared for changes: the constant, or the text of a value the SDK does not know. */
  private static Object statusKey(String statusText) {
    JobStatus status = JobStatus.fromValue(statusText);
    return status == JobStatus.UNKNOWN_TO_SDK_VERSION ? "?" + statusText : status;
  }

  private void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a progress listener of the wait for job {} threw; the wait goes on", jobId, e);
    }
  }

  /** Remembers an unknown status text; returns whether it is the first time this wait sees it. */
  private boolean firstTimeUnknown(String status) {
    if (unknownSeen == null) {
      unknownSeen = new HashSet<>();
    }
    return unknownSeen.add(status);
  }
}
