// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** An accepted connection whose requests pass a {@link RequestGuard}; see {@link RequestLimits}. */
final class GuardedSocket extends Socket {
  /** How long a refused client's remaining bytes are read and dropped before the socket closes. */
  static final long LINGER_MILLIS = 2000;

  private final RequestLimits limits;
  private RequestGuard guard;
  private final AtomicBoolean lingered = new AtomicBoolean();

  GuardedSocket(RequestLimits limits) {
    this.limits = limits;
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (guard == null) {
      guard = new RequestGuard(super.getInputStream(), limits);
    }
    return guard;
  }

  /**
   * After a refusal, closes the way servers do (a "lingering close"): a client still sending its huge header or
   * body would otherwise get a reset, which may discard the answer waiting in its receive buffer unread.
   */
  @Override
  public void close() throws IOException {
    RequestGuard g;
    synchronized (this) {
      g = guard;
    }
    if (g != null && g.refused() && !isClosed() && lingered.compareAndSet(false, true)) {
      try {
        shutdownOutput();
        drain(super.getInputStream());
      } catch (IOException closedMeanwhile) {
        // Closed by the server's shutdown, or reset by the client: nothing left to be polite to.
      }
    }
    super.close();
  }

  private void drain(InputStream raw) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
    byte[] sink = new byte[8192];
    setSoTimeout(100);
    while (System.nanoTime() < deadline) {
      try {
        if (raw.read(sink) < 0) {
          return;
        }
      } catch (SocketTimeoutException quiet) {
        // The client sends nothing more for now; keep waiting for its close until the deadline.
      }
    }
  }
}
