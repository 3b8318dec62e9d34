// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.internal.engine.Step;
import io.sfsturbo.jobs.internal.engine.Strategy;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of a plain call: done at the first job; a transient failure is tried again as
 * the retry policy says; the budget's end is a {@link RequestTimeoutException}. Every failure
 * before the last is kept as a suppressed exception of the one thrown.
 */
final class CallStrategy implements Strategy<JobDetail, JobDetail> {
  private static final Logger LOG = LoggerFactory.getLogger("io.sfsturbo.jobs.http");

  private final String jobId;
  private final RetryPolicy policy;
  private final DoubleSupplier random;
  private final Duration budget;
  private final List<SfsTurboException> earlier = new ArrayList<>(2);
  private int attempts;

  CallStrategy(String jobId, RetryPolicy policy, DoubleSupplier random, Duration budget) {
    this.jobId = jobId;
    this.policy = policy;
    this.random = random;
    this.budget = budget;
  }

  private String operation() {
    return "ShowJobDetail of job '" + jobId + "'";
  }

  @Override
  public Step<JobDetail> onSuccess(JobDetail job, Duration elapsed) {
    return Step.done(job);
  }

  @Override
  public Step<JobDetail> onFailure(SfsTurboException failure, Duration elapsed) {
    attempts++;
    // The policy decides (attempts left, retryable, Retry-After within its cap); the step keeps a
    // Retry-After as a floor that the deadline may not shorten.
    if (!failure.isRetryable() || attempts >= policy.maxAttempts()) {
      // Decided without a jitter draw: a failure that ends the call takes none.
      return Step.fail(withEarlier(failure));
    }
    Duration delay = policy.nextDelay(failure, attempts, random.getAsDouble());
    if (delay == null) {
      return Step.fail(withEarlier(failure));
    }
    Duration retryAfter = failure instanceof ThrottledException ? ((ThrottledException) failure).retryAfter() : null;
    earlier.add(failure);
    if (LOG.isDebugEnabled()) {
      LOG.debug("retrying {} after attempt {}: {}", operation(), attempts, failure.getMessage());
    }
    return Step.againAfter(delay, retryAfter);
  }

  @Override
  public SfsTurboException onExpired(SfsTurboException lastFailure, Step<JobDetail> refused, Duration elapsed) {
    String why = refused != null && refused.isServerAsked()
        ? "; the server asked to retry after " + DurationText.format(refused.delay()) + ", past the budget"
        : "";
    RequestTimeoutException e = new RequestTimeoutException(operation() + " did not complete within its budget of "
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
    return withEarlier(new SfsTurboException(operation() + " was interrupted", e));
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
