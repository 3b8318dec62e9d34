// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;
import java.time.Duration;

/**
 * A decider for loop tests: a success ends the loop with its value, a failure ends it with that failure, the
 * deadline and an interruption end it typed; a test overrides the one answer it is about.
 */
class PlainDecider implements Decider<String, String> {
  @Override
  public Decision<String> onSuccess(String value, Duration elapsed) {
    return Decision.done(value);
  }

  @Override
  public Decision<String> onFailure(SfsTurboException failure, Duration elapsed) {
    return Decision.fail(failure);
  }

  @Override
  public SfsTurboException onExpired(SfsTurboException last, Decision<String> refused, Duration elapsed) {
    return new SfsTurboException("expired");
  }

  @Override
  public SfsTurboException onInterrupted(InterruptedException e) {
    return new SfsTurboException("interrupted", e);
  }
}
