// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.micrometer;

import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.ATTEMPT;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.ATTEMPT_NUMBER;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.ERROR_CODE;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.JOB_ID;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.METHOD;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.OPERATION;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.OUTCOME;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.REQUEST_ID;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.RETRY_AFTER;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.RETRY_DELAY;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.STATUS;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.THROTTLED;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.URI;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.sfsturbo.jobs.telemetry.AttemptEvent;
import io.sfsturbo.jobs.telemetry.AttemptListener;

/** One attempt's observation, from its start to its end. */
final class AttemptObservation implements AttemptListener {
  private static final Observation.Event THROTTLED_EVENT = Observation.Event.of(THROTTLED);

  private final Observation observation;

  AttemptObservation(Observation observation) {
    this.observation = observation;
  }

  static Observation start(AttemptEvent a, Observation parent, ObservationRegistry registry) {
    Observation o = Observation.createNotStarted(ATTEMPT, registry)
        .contextualName(a.httpMethod() + " " + a.urlTemplate())
        .lowCardinalityKeyValue(OPERATION, a.operation())
        .lowCardinalityKeyValue(METHOD, a.httpMethod())
        .lowCardinalityKeyValue(URI, a.urlTemplate())
        .highCardinalityKeyValue(JOB_ID, a.jobId())
        .highCardinalityKeyValue(ATTEMPT_NUMBER, Integer.toString(a.attempt()));
    if (parent != null) {
      o.parentObservation(parent);
    }
    return o.start();
  }

  @Override
  public void throttled(AttemptEvent a) {
    ended(a);
    observation.event(THROTTLED_EVENT);
  }

  @Override
  public void attemptEnded(AttemptEvent a) {
    ended(a);
    observation.stop();
  }

  /** Sets the end keys; idempotent, so that the throttled counter has the timer's tags. */
  private void ended(AttemptEvent a) {
    observation.lowCardinalityKeyValue(OUTCOME, a.outcome().tag())
        .lowCardinalityKeyValue(STATUS, a.httpStatus() == 0 ? "NONE" : Integer.toString(a.httpStatus()))
        .lowCardinalityKeyValue(ERROR_CODE, a.errorCode() == null ? "none" : a.errorCode());
    if (a.requestId() != null) {
      observation.highCardinalityKeyValue(REQUEST_ID, a.requestId());
    }
    if (a.retryDelay() != null) {
      observation.highCardinalityKeyValue(RETRY_DELAY, Long.toString(a.retryDelay().toMillis()));
    }
    if (a.retryAfter() != null) {
      observation.highCardinalityKeyValue(RETRY_AFTER, Long.toString(a.retryAfter().toMillis()));
    }
  }
}
