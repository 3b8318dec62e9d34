// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.text.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of a plain call: done at the first value; a failure is tried again as {@link RetryDecision}
 * says; the budget's end is a {@link RequestTimeoutException}. Every failure before the last is kept as a
 * suppressed exception of the one thrown.
 *
 * @param <T> what the call yields
 */
public final class CallDecider<T> implements Decider<T, T> {
  private static final Logger LOG = LoggerFactory.getLogger("io.sfsturbo.jobs.http");

  private final String operation;
  private final RetryPolicy policy;
  private final DoubleSupplier jitter;
  private final Duration budget;
  private final List<SfsTurboException> earlier = new ArrayList<>(2);
  private int attempts;

  /**
   * Creates the decisions of one call.
   *
   * @param operation what the call does, for messages (for example "ShowJobDetail of job 'x'")
   * @param policy its retry policy
   * @param jitter draws in [0, 1)
   * @param budget its total budget, for the timeout's message
   */
  public CallDecider(String operation, RetryPolicy policy, DoubleSupplier jitter, Duration budget) {
    this.operation = operation;
    this.policy = policy;
    this.jitter = jitter;
    this.budget = budget;
  }

  @Override
  public Decision<T> onSuccess(T value, Duration elapsed) {
    return Decision.done(value);
  }

  @Override
  public Decision<T> onFailure(SfsTurboException failure, Duration elapsed) {
    attempts = Durations.increment(attempts);
    // No jitter is drawn for a failure that ends the call.
    Decision<T> again = failure.isRetryable() && attempts < policy.maxAttempts()
        ? RetryDecision.after(failure, true, attempts, policy.maxAttempts(), policy, jitter.getAsDouble()) : null;
    if (again == null) {
      return Decision.fail(withEarlier(failure));
    }
    earlier.add(failure);
    if (LOG.isDebugEnabled()) {
      LOG.debug("retrying {} after attempt {}: {}", operation, attempts, failure.getMessage());
    }
    return again;
  }

  @Override
  public SfsTurboException onExpired(SfsTurboException lastFailure, Decision<T> refused, Duration elapsed) {
    String why = refused != null && refused.floorReason() != null ? "; " + refused.floorReason() + ", past the budget"
        : "";
    RequestTimeoutException e = new RequestTimeoutException(operation + " did not complete within its budget of "
        + DurationText.format(budget) + " (" + attempts + (attempts == 1 ? " attempt" : " attempts") + why + ")",
        lastFailure);
    for (SfsTurboException earlierFailure : earlier) {
      if (earlierFailure != lastFailure) {
        e.addSuppressed(earlierFailure);
      }
    }
    return e;
  }

  @Override
  public SfsTurboException onInterrupted(InterruptedException e) {
    return withEarlier(new SfsTurboException(operation + " was interrupted", e));
  }

  private SfsTurboException withEarlier(SfsTurboException last) {
    for (SfsTurboException e : earlier) {
      if (e != last) {
        last.addSuppressed(e);
      }
    }
    return last;
  }
}
