// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;

/** What a {@link Decision} ends its loop with, for tests of deciders outside the engine's package. */
public final class Decisions {
  private Decisions() {}

  /** Returns the value a decision ends its loop with (null for a failure or another try). */
  public static <R> R value(Decision<R> d) {
    return d.value;
  }

  /** Returns the failure a decision ends its loop with (null for a value or another try). */
  public static SfsTurboException failure(Decision<?> d) {
    return d.failure;
  }
}
