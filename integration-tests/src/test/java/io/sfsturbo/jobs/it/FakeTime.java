// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import io.sfsturbo.jobs.internal.Sleeper;
import io.sfsturbo.jobs.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that only moves the test kit's clock: waits take no wall time. */
final class FakeTime implements Sleeper {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    clock.advance(duration);
  }
}
