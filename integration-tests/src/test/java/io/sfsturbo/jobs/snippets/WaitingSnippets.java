// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.UnknownStatusPolicy;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitStep;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The snippets of docs/waiting-and-checkpoints.md; {@code SnippetsTest} runs them against the emulator. */
final class WaitingSnippets {
  private WaitingSnippets() {}

  // BEGIN: waiting.options
  static WaitOptions slowJobOptions() {
    return WaitOptions.builder()
        .initialDelay(Duration.ofSeconds(10))        // first poll after 10 s (default: at once)
        .pollInterval(Duration.ofSeconds(5))         // then 5 s,
        .backoffMultiplier(2.0)                      // doubling,
        .maxInterval(Duration.ofMinutes(1))          // up to a minute between polls
        .jitter(0.1)                                 // each delay drawn from [0.9 d, d]
        .timeout(Duration.ofHours(2))                // the wait's deadline, from its start
        .maxConsecutiveTransientErrors(20)           // failed polls in a row that end the wait
        .notFoundGracePeriod(Duration.ofMinutes(1))  // a new job may answer 404 for a while
        .unknownStatusPolicy(UnknownStatusPolicy.FAIL_FAST)
        .build();
  }
  // END: waiting.options

  // BEGIN: waiting.outcomes
  static boolean expanded(SfsTurboJobsClient client, String jobId) {
    try {
      WaitResult done = client.waiter().waitFor(jobId, o -> o.timeout(Duration.ofMinutes(30)));
      JobDetail job = done.job();                    // status success
      return !job.isPartialFailure();                // success, yet some sub-jobs failed?
    } catch (JobFailedException e) {                 // status failed
      for (SubJobDetail sub : e.failedSubJobs()) {
        System.err.println(SafeText.forMessage(sub.jobId()) + ": " + SafeText.forMessage(sub.failReason()));
      }
      return false;
    } catch (WaitTimeoutException e) {               // the deadline passed first
      JobDetail last = e.lastJob();                  // null when no poll read the job
      System.err.println("still " + (last == null ? "unknown" : SafeText.forMessage(last.statusAsString()))
          + " after " + e.polls() + " polls; the job may still be running");
      return false;
    }
  }
  // END: waiting.outcomes

  // BEGIN: waiting.listener
  static WaitResult waitWithProgress(SfsTurboJobsClient client, String jobId, List<String> log) {
    JobProgressListener progress = new JobProgressListener() {
      @Override
      public void onJobStatusChanged(JobDetail job, JobStatus previous, JobStatus current) {
        // previous is null at the first poll: the wait had seen no status before it.
        log.add(jobId + ": " + previous + " -> " + SafeText.forMessage(job.statusAsString()));
      }

      @Override
      public void onSubJobStatusChanged(JobDetail job, SubJobDetail sub, JobStatus previous, JobStatus current) {
        log.add("  " + SafeText.forMessage(sub.jobId()) + ": " + previous + " -> " + current);
      }

      @Override
      public void onJobNotFoundYet(String id, Duration gracePeriod) {
        log.add(id + " not found yet; trying for " + gracePeriod);
      }
    };
    return client.waiter().waitFor(jobId, WaitOptions.builder().listener(progress).build());
  }
  // END: waiting.listener

  // BEGIN: waiting.checkpoint
  static WaitResult resumableWait(SfsTurboJobsClient client, String jobId, Map<String, String> store) {
    JobProgressListener saver = new JobProgressListener() {
      @Override
      public void onCheckpoint(WaitCheckpoint checkpoint) {   // after every poll that leaves the job running
        store.put(jobId, checkpoint.toText());                 // one short line: a database, a queue...
      }
    };
    String saved = store.get(jobId);
    WaitResult done = saved == null
        ? client.waiter().waitFor(jobId, WaitOptions.builder().listener(saver).build())
        : client.waiter().waitFor(WaitCheckpoint.parse(saved), saver);   // schedule and deadline go on
    store.remove(jobId);
    return done;
  }
  // END: waiting.checkpoint

  // BEGIN: waiting.poll-once
  static WaitResult pollOnTimersOfMyOwn(JobWaiter waiter, String jobId, WaitOptions options)
      throws InterruptedException {
    JobProgressListener none = WaitOptions.defaults().listener();
    WaitCheckpoint at = WaitCheckpoint.start(jobId, options, Instant.now());
    while (true) {
      WaitStep step = waiter.pollOnce(at, none);     // one poll; JobFailedException, WaitTimeoutException
      if (step.isDone()) {
        return step.result();
      }
      at = step.checkpoint();                        // keep it; poll again at at.nextPollAt()
      long millis = Duration.between(Instant.now(), at.nextPollAt()).toMillis();
      Thread.sleep(Math.max(0, millis));             // a durable timer in real use
    }
  }
  // END: waiting.poll-once

  // BEGIN: waiting.async
  static CompletableFuture<WaitResult> waitInTheBackground(SfsTurboJobsClient client, String jobId) {
    CompletableFuture<WaitResult> wait = client.waiter().waitForAsync(jobId, WaitOptions.defaults());
    wait.whenComplete((done, failure) -> {
      if (failure == null) {
        System.out.println(jobId + " succeeded after " + done.polls() + " polls");
      } else {
        System.err.println(jobId + ": " + failure.getMessage());   // JobFailedException...
      }
    });
    return wait;  // the caller's: wait.cancel(true) or wait.complete(...) stops the polls at once
  }
  // END: waiting.async
}
