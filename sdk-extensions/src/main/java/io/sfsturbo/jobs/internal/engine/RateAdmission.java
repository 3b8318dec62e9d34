// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.internal.Durations;

/**
 * One loop's place in its client's {@link RateLimiter}: before each try, whether it goes now, waits for its
 * slot, or is skipped for a later step (a wait's poll that would be held long). A slot is reserved once and
 * kept across the wait for it, unless the limiter's rate changed meanwhile (a slot of an older rate is
 * reserved again). Used by one try at a time.
 */
final class RateAdmission {
  /** What comes of a try's admission. */
  enum Verdict {
    /** Send the try now. */
    GO,
    /** Wait {@link RateAdmission#delayNanos()} for the slot reserved, then ask again. */
    WAIT_FOR_SLOT,
    /** Do not send it: try again after {@link RateAdmission#delayNanos()}, the decider's next step. */
    SKIP
  }

  /** Asks the decider about a try the limiter would hold; returns the delay to skip to, or 0 to keep the try. */
  interface HeldPolicy {
    long skipDelay(long holdNanos);
  }

  private final RateLimiter limiter;
  private boolean admitted;
  private int reservedInGeneration;
  private int sentInGeneration;
  private long delayNanos;

  RateAdmission(RateLimiter limiter) {
    this.limiter = limiter;
  }

  /**
   * Decides about the next try.
   *
   * @param nowNanos time since the loop started
   * @param latestStartNanos the last start its deadline allows
   * @param held the decider's say about a held try
   * @return the verdict; {@link #delayNanos()} for a wait or a skip
   */
  Verdict admit(long nowNanos, long latestStartNanos, HeldPolicy held) {
    if (!admitted || reservedInGeneration != limiter.generation()) {
      long hold = limiter.hold();
      if (hold > 0) {
        long skip = held.skipDelay(hold);
        if (skip > 0 && Durations.add(nowNanos, skip) <= latestStartNanos) {
          admitted = false;
          delayNanos = skip;
          return Verdict.SKIP;
        }
      }
      reservedInGeneration = limiter.generation();
      long wait = limiter.reserve();
      // A slot past the last start would cost the try that the deadline still allows: go now.
      if (wait > 0 && Durations.add(nowNanos, wait) <= latestStartNanos) {
        admitted = true;
        delayNanos = wait;
        return Verdict.WAIT_FOR_SLOT;
      }
    }
    admitted = false;
    sentInGeneration = limiter.generation();
    return Verdict.GO;
  }

  long delayNanos() {
    return delayNanos;
  }

  /** A success or a service's answer: the rate may grow back. */
  void passed() {
    limiter.passed();
  }

  /** A 429 to the try just sent: lowers the rate, once per rate. */
  void throttled() {
    limiter.throttled(sentInGeneration);
  }
}
