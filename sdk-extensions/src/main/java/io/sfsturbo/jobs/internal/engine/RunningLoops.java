// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The loops a client has running, so that closing the client ends them at once (a wait between two polls
 * included) instead of letting each find out at its next try.
 */
public final class RunningLoops {
  private final Set<AttemptLoop<?, ?>> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Throws when closed. */
  void enter(AttemptLoop<?, ?> loop) {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    running.add(loop);
    if (closed) {
      // close() may have swept the set before the add: end the loop ourselves.
      running.remove(loop);
      throw new IllegalStateException("client is closed");
    }
  }

  void exit(AttemptLoop<?, ?> loop) {
    running.remove(loop);
  }

  /** Returns how many loops are running; for tests. */
  int count() {
    return running.size();
  }

  /** Returns whether {@link #close(Supplier)} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Refuses new loops and ends the running ones with a failure.
   *
   * @param failure makes what each running loop ends with
   */
  public void close(Supplier<? extends SfsTurboException> failure) {
    closed = true;
    for (AttemptLoop<?, ?> loop : running) {
      loop.abort(failure.get());
    }
    running.clear();
  }
}
