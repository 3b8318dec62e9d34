// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.telemetry;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a telemetry implementation's exception from reaching a call: logged at WARN the first
 * time (a broken adapter should be noticed, not flood the log), at DEBUG afterwards.
 */
final class TelemetryFailures {
  private static final Logger LOG = LoggerFactory.getLogger("io.sfsturbo.jobs.telemetry");
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private TelemetryFailures() {}

  static void failed(String where, RuntimeException e) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.warn("a telemetry {} threw; the call goes on without it (further failures are logged at DEBUG)", where, e);
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("a telemetry {} threw; the call goes on without it", where, e);
    }
  }
}
