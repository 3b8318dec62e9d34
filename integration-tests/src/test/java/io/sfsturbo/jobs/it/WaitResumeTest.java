// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testkit.VirtualTime;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitStep;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A wait stopped mid-way (its client closed, as when a process dies) and continued from its last
 * checkpoint by another client with its own clock, as another JVM would: the schedule, the poll
 * count and the deadline go on, and the new listener hears only what changes afterwards. Virtual
 * time: every delay is recorded and none is slept.
 */
@Timeout(30)
class WaitResumeTest {
  static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  SfsTurboEmulator emulator;
  final List<SfsTurboJobsClient> clients = new ArrayList<>();
  final WaitOptions options = WaitOptions.builder().pollInterval(Duration.ofSeconds(2)).backoffMultiplier(1.5)
      .maxInterval(Duration.ofSeconds(5)).timeout(Duration.ofMinutes(1)).build();

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().build().start();
  }

  @AfterEach
  void stop() {
    clients.forEach(SfsTurboJobsClient::close);
    emulator.close();
  }

  /** A "process": a client and a waiter on their own virtual time, with no jitter. */
  final class Process {
    final VirtualTime time;
    final SfsTurboJobsClient client;
    final JobWaiter waiter;

    Process(Instant now) {
      time = VirtualTime.startingAt(now).withJitter(() -> 0.0);
      client = emulator.clientBuilder().timeSource(time).build();
      clients.add(client);
      waiter = client.waiter();
    }
  }

  /** Runs a wait in a first process until its n-th checkpoint, then "kills" it; returns that checkpoint. */
  WaitCheckpoint runUntilCheckpoint(Process first, String jobId, WaitOptions opts, int n, List<String> heard) {
    AtomicReference<WaitCheckpoint> kept = new AtomicReference<>();
    List<WaitCheckpoint> seen = new ArrayList<>();
    JobProgressListener listener = new Recorder(heard) {
      @Override
      public void onCheckpoint(WaitCheckpoint c) {
        seen.add(c);
        if (seen.size() == n) {
          kept.set(WaitCheckpoint.parse(c.toText()));   // as stored, and read back elsewhere
          first.client.close();
        }
      }
    };
    assertThrows(ClientClosedException.class, () -> first.waiter.waitFor(jobId, opts.toBuilder().listener(listener)
        .build()));
    return kept.get();
  }

  @Test
  void theScheduleAndThePollCountGoOnWithoutABurstOrAnEarlyPoll() {
    emulator.addJob(JobScript.builder("j").status("waiting", 1).status("running", 6)
        .subJob(JobScript.builder("s1").status("running", 5)).build());
    List<String> firstHeard = new CopyOnWriteArrayList<>();
    Process first = new Process(T0);
    WaitCheckpoint c = runUntilCheckpoint(first, "j", options, 3, firstHeard);
    assertEquals(3, c.polls());
    assertEquals("running", c.lastStatus());
    assertEquals(Duration.ofMillis(4500), c.nextDelay(), "2 s, 3 s, then 4.5 s");
    assertEquals(Arrays.asList(Duration.ofSeconds(2), Duration.ofSeconds(3)), first.time.delays());
    assertEquals(3, emulator.pollsServed("j"));

    // The other process starts 1.5 s after the checkpoint: 3 s are left before the next poll is due.
    Process second = new Process(c.takenAt().plusMillis(1500));
    List<String> heard = new CopyOnWriteArrayList<>();
    WaitResult r = second.waiter.waitFor(c, new Recorder(heard));

    assertEquals(Arrays.asList(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofSeconds(5), Duration.ofSeconds(5)), second.time.delays(),
        "the rest of 4.5 s, then the backoff where it was (capped)");
    assertEquals(8, emulator.pollsServed("j"));
    assertEquals(8, r.polls(), "polls count from the wait's start");
    assertEquals(Duration.between(T0, second.time.clock().instant()), r.elapsed());
    assertEquals(Arrays.asList("job null->waiting", "s1 null->running", "job waiting->running"), firstHeard);
    assertEquals(Arrays.asList("s1 running->success", "job running->success"), heard,
        "only what changed after the checkpoint");
  }

  @Test
  void theDeadlineGoesOnAndIsNotRenewed() {
    emulator.addJob(JobScript.builder("j").neverEnds().build());
    WaitCheckpoint c = runUntilCheckpoint(new Process(T0), "j", options, 2, new ArrayList<>());
    Process second = new Process(T0.plusSeconds(50));
    WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
        () -> second.waiter.waitFor(c, WaitOptions.defaults().listener()));
    Duration slept = second.time.delays().stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(slept.compareTo(Duration.ofSeconds(10)) <= 0, "at most the 10 s left: " + second.time.delays());
    assertTrue(e.elapsed().compareTo(Duration.ofSeconds(59)) >= 0 && e.elapsed().compareTo(Duration.ofMinutes(1)) <= 0,
        "elapsed from the first start: " + e.elapsed());
    assertEquals(e.polls(), emulator.pollsServed("j"));
  }

  @Test
  void aCheckpointPastItsDeadlineEndsAtOnceWithoutAPoll() {
    emulator.addJob(JobScript.builder("j").neverEnds().build());
    WaitCheckpoint c = runUntilCheckpoint(new Process(T0), "j", options, 1, new ArrayList<>());
    Process late = new Process(T0.plus(Duration.ofHours(1)));
    assertThrows(WaitTimeoutException.class, () -> late.waiter.waitFor(c, WaitOptions.defaults().listener()));
    assertEquals(1, emulator.pollsServed("j"));
    assertEquals(0, late.time.delays().size());
  }

  @Test
  void transientFailuresAndTheNotFoundGraceAreCarriedToo() {
    emulator.addJob(JobScript.builder("j").status("running", 2).fails("SFS.TURBO.0038", "disk full").build());
    emulator.enqueueFaults("j", Fault.SERVICE_UNAVAILABLE, Fault.SERVICE_UNAVAILABLE);
    WaitCheckpoint c = runUntilCheckpoint(new Process(T0), "j", options, 2, new ArrayList<>());
    assertEquals(2, c.consecutiveFailures());
    JobFailedException e = assertThrows(JobFailedException.class,
        () -> new Process(c.nextPollAt()).waiter.waitFor(c, WaitOptions.defaults().listener()));
    assertEquals("SFS.TURBO.0038", e.errorCode());
  }

  @Test
  void pollOnceKeepsTheScheduleInTheCallersTimeWhateverThisMachinesClockSays() {
    emulator.addJob(JobScript.builder("j").status("running", 4).succeeds().build());
    // The caller's clock (a workflow's) is a day ahead of this machine's: only its time counts.
    Instant workflowNow = T0.plus(Duration.ofDays(1));
    Process here = new Process(T0);
    WaitCheckpoint c = WaitCheckpoint.start("j", options, workflowNow);
    List<Instant> pollTimes = new ArrayList<>();
    List<String> heard = new ArrayList<>();
    WaitStep step;
    do {
      pollTimes.add(c.nextPollAt());
      step = here.waiter.pollOnce(c, new Recorder(heard));
      c = step.checkpoint();
    } while (!step.isDone());
    assertEquals(Arrays.asList(workflowNow, workflowNow.plusSeconds(2), workflowNow.plusSeconds(5),
        workflowNow.plusMillis(9500), workflowNow.plusMillis(14_500)), pollTimes);
    assertEquals(5, step.result().polls());
    assertEquals(Arrays.asList("job null->running", "job running->success"), heard);
    assertEquals(0, here.time.delays().size(), "pollOnce never waits: the caller's timer does");
  }

  @Test
  void pollOnceAtTheDeadlineIsATimeoutNotAnEndlessBurst() {
    emulator.addJob(JobScript.builder("j").neverEnds().build());
    Process here = new Process(T0);
    WaitCheckpoint c = WaitCheckpoint.start("j", options, T0);
    int calls = 0;
    WaitTimeoutException e = null;
    while (e == null && calls < 100) {
      calls++;
      try {
        WaitCheckpoint next = here.waiter.pollOnce(c, WaitOptions.defaults().listener()).checkpoint();
        assertTrue(next.nextPollAt().isBefore(c.deadline()), "never a poll after the deadline: " + next);
        c = next;
      } catch (WaitTimeoutException timeout) {
        e = timeout;
      }
    }
    assertTrue(e != null && calls < 20, calls + " calls");
    assertEquals(calls, emulator.pollsServed("j"), "one poll per call, the last one just before the deadline");
    assertEquals(calls, e.polls());
  }

  /** Records what a listener hears, as text. */
  static class Recorder implements JobProgressListener {
    final List<String> heard;

    Recorder(List<String> heard) {
      this.heard = heard;
    }

    @Override
    public void onJobStatusChanged(JobDetail job, JobStatus previous, JobStatus current) {
      heard.add("job " + (previous == null ? null : previous.value()) + "->" + job.statusAsString());
    }

    @Override
    public void onSubJobStatusChanged(JobDetail job, SubJobDetail sub, JobStatus previous, JobStatus current) {
      heard.add(sub.jobId() + " " + (previous == null ? null : previous.value()) + "->" + sub.statusAsString());
    }
  }
}
