// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.micrometer;

import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.JOB_ID;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.JOB_STATUS;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.OPERATION;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.OUTCOME;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.POLL;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.POLLS;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.STATUS_CHANGE;
import static io.sfsturbo.jobs.micrometer.SfsTurboObservations.WAIT;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.sfsturbo.jobs.telemetry.AttemptEvent;
import io.sfsturbo.jobs.telemetry.WaitEvent;
import io.sfsturbo.jobs.telemetry.WaitListener;

/** One wait's observation; its polls' observations name it as their parent. */
final class WaitObservation implements WaitListener {
  private static final Observation.Event POLL_EVENT = Observation.Event.of(POLL);

  final Observation observation;

  WaitObservation(Observation observation) {
    this.observation = observation;
  }

  static Observation start(WaitEvent w, ObservationRegistry registry) {
    return Observation.createNotStarted(WAIT, registry)
        .contextualName("sfsturbo wait")
        .lowCardinalityKeyValue(OPERATION, "ShowJobDetail")
        .highCardinalityKeyValue(JOB_ID, w.jobId())
        .start();
  }

  @Override
  public void polled(WaitEvent w, AttemptEvent poll) {
    observation.event(POLL_EVENT);
  }

  @Override
  public void statusChanged(WaitEvent w, String previous, String current) {
    // The span event names the change; the counter (the event's name) stays one series.
    observation.event(Observation.Event.of(STATUS_CHANGE, STATUS_CHANGE + " " + previous + " -> " + current));
  }

  @Override
  public void waitEnded(WaitEvent w) {
    observation.lowCardinalityKeyValue(OUTCOME, w.outcome().tag())
        .highCardinalityKeyValue(POLLS, Integer.toString(w.polls()));
    if (w.jobStatus() != null) {
      observation.highCardinalityKeyValue(JOB_STATUS, w.jobStatus());
    }
    observation.stop();
  }
}
