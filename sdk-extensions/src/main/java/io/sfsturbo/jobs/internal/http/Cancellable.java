// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

/** Something started that can be stopped: an attempt in flight, a scheduled task. */
public interface Cancellable {
  /** A handle for what cannot be stopped (an attempt already over). */
  Cancellable NONE = () -> {};

  /** Stops it; harmless when it already ended. */
  void cancel();
}
