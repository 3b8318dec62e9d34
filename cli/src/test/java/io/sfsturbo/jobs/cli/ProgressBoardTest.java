// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.retry.Backoff;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The progress board on a simulated terminal and in log mode, on a fake clock: what a person sees after
 * each event and each one-second tick, without sleeping.
 */
class ProgressBoardTest {
  final StringWriter written = new StringWriter();
  long nanos = TimeUnit.SECONDS.toNanos(1000);
  final Backoff backoff = Backoff.of(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(30), 0.2);

  ProgressBoard board(boolean live) {
    return new ProgressBoard(new PrintWriter(written, true), live, () -> nanos, 80, 24);
  }

  void advance(Duration d) {
    nanos += d.toNanos();
  }

  static JobDetail job(String id, JobStatus status, JobStatus... subs) {
    JobDetail.Builder b = JobDetail.builder().jobId(id).status(status).jobType("expand");
    for (int i = 0; i < subs.length; i++) {
      b.addSubJob(SubJobDetail.builder().jobId(id + "-sub-" + i).status(subs[i]).jobType("expand_node").build());
    }
    return b.build();
  }

  /** Takes what was written since the last call. */
  String drain() {
    String s = written.toString();
    written.getBuffer().setLength(0);
    return s;
  }

  @Test
  void aTerminalShowsOneLiveLineRedrawnEverySecondWithChangesScrollingAbove() {
    ProgressBoard board = board(true);
    Screen screen = new Screen();
    JobTrack t = board.track("job-1", backoff);
    t.pollStarted();
    advance(Duration.ofMillis(300));
    t.pollEnded(nanos);
    t.onJobStatusChanged(job("job-1", JobStatus.RUNNING, JobStatus.RUNNING, JobStatus.WAITING), null, JobStatus.RUNNING);
    screen.feed(drain());
    assertEquals(List.of("[   300ms] job job-1: running",
        "[   300ms] job-1: running, sub-jobs 0/2 done, 1 poll, next poll in 2s"), screen.lines());

    // Nothing changes on the server, yet every tick moves the clock and the countdown: not a frozen line.
    advance(Duration.ofSeconds(1));
    board.tick();
    screen.feed(drain());
    assertEquals("[    1.3s] job-1: running, sub-jobs 0/2 done, 1 poll, next poll in 1s", screen.cursorLine());
    assertEquals(2, screen.lines().size(), "redrawn in place, not appended");

    advance(Duration.ofMillis(800));
    t.pollStarted();
    board.tick();
    screen.feed(drain());
    assertEquals("[    2.1s] job-1: running, sub-jobs 0/2 done, 2 polls, polling now", screen.cursorLine());

    t.pollEnded(nanos);
    t.onSubJobStatusChanged(job("job-1", JobStatus.RUNNING, JobStatus.SUCCESS, JobStatus.WAITING),
        SubJobDetail.builder().jobId("job-1-sub-0").status(JobStatus.SUCCESS).jobType("expand_node").build(),
        JobStatus.RUNNING, JobStatus.SUCCESS);
    screen.feed(drain());
    assertEquals(List.of("[   300ms] job job-1: running",
        "[    2.1s]   sub-job job-1-sub-0 (expand_node) of job-1: running -> success",
        "[    2.1s] job-1: running, sub-jobs 1/2 done, 2 polls, next poll in 3s"), screen.lines());

    advance(Duration.ofSeconds(125));
    board.tick();
    screen.feed(drain());
    assertTrue(screen.cursorLine().startsWith("[  2m 07s] job-1: running"), screen.cursorLine());

    t.ended("success after 9 polls in 2m 08s", true);
    board.close();
    screen.feed(drain());
    assertEquals(List.of("[   300ms] job job-1: running",
        "[    2.1s]   sub-job job-1-sub-0 (expand_node) of job-1: running -> success"), screen.lines(),
        "closing removes the live line, so the summary that follows starts on a clean line");
    board.tick();
    assertEquals("", drain(), "nothing after close");
  }

  @Test
  void severalJobsHaveOneLiveLineEachAndLongLinesAreCutToTheTerminal() {
    ProgressBoard board = new ProgressBoard(new PrintWriter(written, true), true, () -> nanos, 40, 24);
    Screen screen = new Screen();
    JobTrack a = board.track("job-a", backoff);
    JobTrack b = board.track("job-b-with-a-rather-long-identifier", backoff);
    a.onJobStatusChanged(job("job-a", JobStatus.RUNNING), null, JobStatus.RUNNING);
    b.onJobStatusChanged(job("job-b", JobStatus.WAITING), null, JobStatus.WAITING);
    advance(Duration.ofSeconds(1));
    board.tick();
    a.ended("success after 1 poll in 1s", true);
    board.tick();
    screen.feed(drain());
    List<String> lines = screen.lines();
    assertEquals(4, lines.size(), String.join("\n", lines));
    assertEquals("[      1s] job-a: success after 1 poll~", lines.get(2));
    assertTrue(lines.get(3).equals("[      1s] job-b-with-a-rather-long-id~"), lines.get(3));
    for (String line : lines.subList(2, 4)) {
      assertTrue(line.length() < 40, "a live line must not wrap: " + line);
    }
  }

  @Test
  void moreJobsThanRowsShowTheFailedAndRunningFirstAndCountTheRest() {
    ProgressBoard board = new ProgressBoard(new PrintWriter(written, true), true, () -> nanos, 80, 8);
    Screen screen = new Screen(8);
    List<JobTrack> tracks = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      JobTrack t = board.track("job-" + i, backoff);
      tracks.add(t);
      t.onJobStatusChanged(job("job-" + i, JobStatus.RUNNING), null, JobStatus.RUNNING);
      screen.feed(drain());
    }
    advance(Duration.ofSeconds(1));
    for (int i = 0; i < 30; i++) {
      // Every third ends in success, one fails: the failure and the running come first, then the successes.
      if (i == 17) {
        tracks.get(i).ended("failed", false);
      } else if (i % 3 == 0) {
        tracks.get(i).ended("success after 1 poll in 1s", true);
      }
    }
    board.tick();
    screen.feed(drain());
    assertEquals(List.of("[      1s] job-17: failed",
        "[      1s] job-1: running, 0 polls",
        "[      1s] job-2: running, 0 polls",
        "[      1s] job-4: running, 0 polls",
        "[      1s] job-5: running, 0 polls",
        "[      1s] job-7: running, 0 polls",
        "[      1s] ... and 24 more (10 done, 14 running)"), screen.visible().subList(1, 8),
        String.join("\n", screen.visible()));

    // Still within the screen after an event scrolls above, and once all have ended.
    tracks.get(1).onJobStatusChanged(job("job-1", JobStatus.SUCCESS), JobStatus.RUNNING, JobStatus.SUCCESS);
    for (JobTrack t : tracks) {
      if (!t.ended()) {
        t.ended("timed out (may still be running)", false);
      }
    }
    board.tick();
    screen.feed(drain());
    assertEquals("[      1s] ... and 24 more (10 done, 0 running, 14 failed)", screen.cursorLine());
    board.close();
    screen.feed(drain());
    assertEquals("[      1s] job job-1: running -> success", screen.visible().get(screen.visible().size() - 1));
  }

  @Test
  void aTinyTerminalGetsTheCountAlone() {
    ProgressBoard board = new ProgressBoard(new PrintWriter(written, true), true, () -> nanos, 80, 2);
    board.track("job-a", backoff);
    board.track("job-b", backoff);
    board.tick();
    Screen screen = new Screen(2).feed(drain());
    assertEquals(List.of("[     0ms] ... and 2 more (0 done, 2 running)"), screen.visible());
  }

  @Test
  void theTerminalSizeComesFromTheEnvironmentOrUsualDefaults() {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    CliContext ctx = new CliContext(env, java.nio.file.Paths.get("."), true, () -> 0L);
    assertEquals(80, ctx.terminalSize().columns);
    assertEquals(24, ctx.terminalSize().rows);
    env.put("COLUMNS", "132");
    env.put("LINES", " 50 ");
    assertEquals(132, ctx.terminalSize().columns);
    assertEquals(50, ctx.terminalSize().rows);
    env.put("LINES", "1");
    assertEquals(24, ctx.terminalSize().rows);
    env.put("LINES", "tall");
    assertEquals(24, ctx.terminalSize().rows);
  }

  @Test
  void aLogGetsOneLinePerChangeAndAHeartbeatEvery30sWithoutControlSequences() {
    ProgressBoard board = board(false);
    JobTrack t = board.track("job-1", backoff);
    t.pollStarted();
    t.pollEnded(nanos);
    t.onJobStatusChanged(job("job-1", JobStatus.RUNNING), null, JobStatus.RUNNING);
    for (int s = 1; s <= 29; s++) {
      advance(Duration.ofSeconds(1));
      board.tick();
    }
    assertEquals("[     0ms] job job-1: running\n", drain(), "no heartbeat before 30 s of silence");
    advance(Duration.ofSeconds(1));
    board.tick();
    board.tick();
    assertEquals("[     30s] job job-1: still running, 1 poll, next poll in a moment\n", drain(),
        "one heartbeat at 30 s, not one per tick");
    advance(Duration.ofSeconds(10));
    t.onJobStatusChanged(job("job-1", JobStatus.SUCCESS), JobStatus.RUNNING, JobStatus.SUCCESS);
    t.ended("success", true);
    advance(Duration.ofSeconds(60));
    board.tick();
    board.close();
    String log = drain();
    assertEquals("[     40s] job job-1: running -> success\n", log, "an ended job has no heartbeat");
    assertFalse(log.contains("\u001b") || log.contains("\r"));
  }

  @Test
  void serverTextIsEscapedInLiveAndLogLines() {
    ProgressBoard board = board(true);
    JobTrack t = board.track("job-1", backoff);
    JobDetail hostile = JobDetail.builder().jobId("job-1").status("\u001b]0;pwned\u0007").build();
    t.onJobStatusChanged(hostile, null, hostile.status());
    // The Screen fails on any escape sequence but the board's own.
    new Screen().feed(drain());
  }
}
