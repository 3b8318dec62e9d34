// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.telemetry.AttemptEvent;
import io.sfsturbo.jobs.telemetry.AttemptListener;
import io.sfsturbo.jobs.telemetry.Telemetry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The progress of one or more waits on stderr, in one of two modes.
 *
 * <p>On a terminal ({@code live}): one line per job at the bottom, redrawn by {@link #tick()} (the CLI
 * calls it every second) and on every event; status changes scroll above those lines. The lines stay below
 * the terminal's height: when the jobs outnumber its rows, the most interesting ones are shown (failed, then
 * still running, then done) and one last line counts the rest. The only control
 * sequences written are carriage return, erase line ({@code ESC[2K}) and cursor up ({@code ESC[1A}), and
 * the CLI's own: server text is escaped before it gets here.
 *
 * <p>Elsewhere (CI logs): one line per change and, for a job that said nothing for {@link #HEARTBEAT}, a
 * heartbeat line, with no control sequence at all.
 *
 * <p>Time comes from an injected clock, so the redraws and heartbeats are tested without sleeping. Events
 * arrive on HTTP and scheduler threads and ticks on the CLI's ticker: every method is synchronized.
 */
final class ProgressBoard implements AutoCloseable {
  /** How long a job may be silent in a log before a heartbeat line says it is still being waited for. */
  static final Duration HEARTBEAT = Duration.ofSeconds(30);
  static final String ERASE_LINE = "\r\u001b[2K";
  static final String CURSOR_UP = "\u001b[1A";

  private final PrintWriter err;
  private final boolean live;
  private final LongSupplier nanoTime;
  private final int columns;
  private final int rows;
  /** The clock's origin: the first job's wait, not the CLI's start (the client and an emulator start before). */
  private long start;
  private final Map<String, JobTrack> tracks = new LinkedHashMap<>();
  private int drawnLines;
  private boolean closed;

  ProgressBoard(PrintWriter err, boolean live, LongSupplier nanoTime, int columns, int rows) {
    this.err = err;
    this.live = live;
    this.nanoTime = nanoTime;
    this.columns = columns;
    this.rows = rows;
    this.start = nanoTime.getAsLong();
  }

  /** Starts tracking a job; its listener goes into the wait's options. */
  synchronized JobTrack track(String jobId, io.sfsturbo.jobs.retry.Backoff pollBackoff) {
    if (tracks.isEmpty()) {
      start = now();
    }
    JobTrack t = new JobTrack(this, jobId, pollBackoff, now());
    tracks.put(jobId, t);
    return t;
  }

  long now() {
    return nanoTime.getAsLong();
  }

  synchronized Duration elapsed(long at) {
    return Duration.ofNanos(at - start);
  }

  /** An event line: scrolls above the live lines, or is simply the next log line. */
  synchronized void event(JobTrack from, String line) {
    if (closed) {
      return;
    }
    long now = now();
    StringBuilder sb = new StringBuilder();
    erase(sb);
    sb.append(stamp(now)).append(' ').append(line).append('\n');
    if (from != null) {
      from.lastPrinted = now;
    }
    draw(sb, now);
    err.print(sb);
    err.flush();
  }

  /** Redraws the live lines (terminal) or writes due heartbeats (log). */
  synchronized void tick() {
    if (closed) {
      return;
    }
    long now = now();
    StringBuilder sb = new StringBuilder();
    if (live) {
      erase(sb);
      draw(sb, now);
    } else {
      for (JobTrack t : tracks.values()) {
        if (!t.ended() && now - t.lastPrinted >= HEARTBEAT.toNanos()) {
          sb.append(stamp(now)).append(" job ").append(t.shownId).append(": still ").append(t.summary(now)).append('\n');
          t.lastPrinted = now;
        }
      }
    }
    if (sb.length() > 0) {
      err.print(sb);
      err.flush();
    }
  }

  @Override
  public void close() {
    end();
  }

  /** Removes the live lines for good; later events are dropped. */
  synchronized void end() {
    if (closed) {
      return;
    }
    closed = true;
    StringBuilder sb = new StringBuilder();
    erase(sb);
    err.print(sb);
    err.flush();
  }

  /**
   * The live lines: one per job, cut to the terminal's width in columns ({@link DisplayWidth}: a wrapped line
   * would break the redraw), and at
   * most one less than its rows (the cursor cannot go back up to a line that scrolled off the top, so a taller
   * block could never be erased). When the jobs do not fit, those that fit are shown, the most interesting
   * first (failed, then running, then done, each in the order given), and a last line counts the others.
   */
  synchronized List<String> liveLines(long now) {
    List<JobTrack> shown = new ArrayList<>(tracks.values());
    int room = Math.max(1, rows - 1);
    String more = null;
    if (shown.size() > room) {
      // A stable sort: jobs of one rank keep their order.
      shown.sort(Comparator.comparingInt(JobTrack::rank));
      int[] hidden = new int[JobTrack.RANKS];
      for (JobTrack t : shown.subList(room - 1, shown.size())) {
        hidden[t.rank()]++;
      }
      more = "... and " + (shown.size() - room + 1) + " more (" + hidden[JobTrack.DONE] + " done, "
          + hidden[JobTrack.RUNNING] + " running" + (hidden[JobTrack.FAILED] > 0 ? ", " + hidden[JobTrack.FAILED]
          + " failed" : "") + ")";
      shown = shown.subList(0, room - 1);
    }
    List<String> lines = new ArrayList<>();
    for (JobTrack t : shown) {
      lines.add(fit(stamp(now) + " " + t.shownId + ": " + t.summary(now)));
    }
    if (more != null) {
      lines.add(fit(stamp(now) + " " + more));
    }
    return lines;
  }

  private String fit(String line) {
    return DisplayWidth.fit(line, columns);
  }

  private void erase(StringBuilder sb) {
    if (!live || drawnLines == 0) {
      return;
    }
    sb.append(ERASE_LINE);
    for (int i = 1; i < drawnLines; i++) {
      sb.append(CURSOR_UP).append(ERASE_LINE);
    }
    drawnLines = 0;
  }

  /** Draws the live lines, leaving the cursor at the end of the last one. */
  private void draw(StringBuilder sb, long now) {
    if (!live) {
      return;
    }
    List<String> lines = liveLines(now);
    sb.append(String.join("\n", lines));
    drawnLines = lines.size();
  }

  String stamp(long now) {
    return String.format(java.util.Locale.ROOT, "[%8s]", DurationText.format(elapsed(now)));
  }

  /**
   * Hears every attempt of the client and counts a poll for its job: the waiter's listener hears only
   * changes, and a job whose status never changes must still show that it is being polled. Each poll of a
   * wait is one attempt.
   */
  Telemetry pollTelemetry() {
    return new Telemetry() {
      @Override
      public AttemptListener attemptStarted(AttemptEvent attempt) {
        JobTrack t;
        synchronized (ProgressBoard.this) {
          t = tracks.get(attempt.jobId());
        }
        if (t == null) {
          return AttemptListener.NONE;
        }
        t.pollStarted();
        return new AttemptListener() {
          @Override
          public void attemptEnded(AttemptEvent ended) {
            t.pollEnded(now());
          }
        };
      }
    };
  }
}
