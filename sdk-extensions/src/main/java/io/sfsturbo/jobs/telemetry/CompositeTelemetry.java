// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Several telemetries as one. Each part's listeners are kept side by side; a part that throws is
 * skipped for that event only, so that it cannot silence the others.
 */
final class CompositeTelemetry implements Telemetry {
  private final Telemetry[] parts;

  private CompositeTelemetry(Telemetry[] parts) {
    this.parts = parts;
  }

  static Telemetry of(Telemetry... parts) {
    List<Telemetry> kept = new ArrayList<>();
    for (Telemetry t : Objects.requireNonNull(parts, "parts")) {
      if (Objects.requireNonNull(t, "a telemetry") != Telemetry.none()) {
        kept.add(t);
      }
    }
    if (kept.isEmpty()) {
      return Telemetry.none();
    }
    return kept.size() == 1 ? kept.get(0) : new CompositeTelemetry(kept.toArray(new Telemetry[0]));
  }

  @Override
  public AttemptListener attemptStarted(AttemptEvent attempt) {
    AttemptListener[] listeners = new AttemptListener[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        // Each part sees its own wait listener as the parent, not the composite one.
        AttemptListener l = parts[i].attemptStarted(attempt.parent() instanceof Waits
            ? new ParentView(attempt, ((Waits) attempt.parent()).listeners[i]) : attempt);
        listeners[i] = l != null ? l : AttemptListener.NONE;
      } catch (RuntimeException e) {
        listeners[i] = AttemptListener.NONE;
      }
    }
    return new Attempts(listeners);
  }

  @Override
  public WaitListener waitStarted(WaitEvent waitEvent) {
    WaitListener[] listeners = new WaitListener[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        WaitListener l = parts[i].waitStarted(waitEvent);
        listeners[i] = l != null ? l : WaitListener.NONE;
      } catch (RuntimeException e) {
        listeners[i] = WaitListener.NONE;
      }
    }
    return new Waits(listeners);
  }

  @Override
  public String toString() {
    return "Telemetry.composite" + Arrays.toString(parts);
  }

  private static final class Attempts implements AttemptListener {
    final AttemptListener[] listeners;

    Attempts(AttemptListener[] listeners) {
      this.listeners = listeners;
    }

    @Override
    public void throttled(AttemptEvent attempt) {
      for (int i = 0; i < listeners.length; i++) {
        try {
          listeners[i].throttled(view(attempt, i));
        } catch (RuntimeException e) {
          // one part's failure is not the others'
        }
      }
    }

    @Override
    public void attemptEnded(AttemptEvent attempt) {
      for (int i = 0; i < listeners.length; i++) {
        try {
          listeners[i].attemptEnded(view(attempt, i));
        } catch (RuntimeException e) {
          // one part's failure is not the others'
        }
      }
    }
  }

  private static final class Waits implements WaitListener {
    final WaitListener[] listeners;

    Waits(WaitListener[] listeners) {
      this.listeners = listeners;
    }

    @Override
    public void polled(WaitEvent waitEvent, AttemptEvent poll) {
      for (int i = 0; i < listeners.length; i++) {
        try {
          listeners[i].polled(waitEvent, view(poll, i));
        } catch (RuntimeException e) {
          // one part's failure is not the others'
        }
      }
    }

    @Override
    public void statusChanged(WaitEvent waitEvent, String previous, String current) {
      for (WaitListener l : listeners) {
        try {
          l.statusChanged(waitEvent, previous, current);
        } catch (RuntimeException e) {
          // one part's failure is not the others'
        }
      }
    }

    @Override
    public void waitEnded(WaitEvent waitEvent) {
      for (WaitListener l : listeners) {
        try {
          l.waitEnded(waitEvent);
        } catch (RuntimeException e) {
          // one part's failure is not the others'
        }
      }
    }
  }

  private static AttemptEvent view(AttemptEvent attempt, int part) {
    return attempt.parent() instanceof Waits ? new ParentView(attempt, ((Waits) attempt.parent()).listeners[part])
        : attempt;
  }

  /** An attempt as one part sees it: the same, with that part's own wait listener as parent. */
  private static final class ParentView implements AttemptEvent {
    private final AttemptEvent a;
    private final WaitListener parent;

    ParentView(AttemptEvent a, WaitListener parent) {
      this.a = a;
      this.parent = parent;
    }

    @Override public String operation() { return a.operation(); }
    @Override public String jobId() { return a.jobId(); }
    @Override public int attempt() { return a.attempt(); }
    @Override public String httpMethod() { return a.httpMethod(); }
    @Override public String urlTemplate() { return a.urlTemplate(); }
    @Override public String urlScheme() { return a.urlScheme(); }
    @Override public String serverAddress() { return a.serverAddress(); }
    @Override public int serverPort() { return a.serverPort(); }
    @Override public WaitListener parent() { return parent; }
    @Override public AttemptOutcome outcome() { return a.outcome(); }
    @Override public int httpStatus() { return a.httpStatus(); }
    @Override public String errorCode() { return a.errorCode(); }
    @Override public String errorType() { return a.errorType(); }
    @Override public String requestId() { return a.requestId(); }
    @Override public java.time.Duration duration() { return a.duration(); }
    @Override public java.time.Duration retryAfter() { return a.retryAfter(); }
    @Override public java.time.Duration retryDelay() { return a.retryDelay(); }
  }
}
