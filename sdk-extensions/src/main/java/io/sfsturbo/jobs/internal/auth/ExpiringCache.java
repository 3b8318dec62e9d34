// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.auth;

import io.sfsturbo.jobs.text.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a value that expires (temporary keys, a token) and renews it ahead of expiry without stopping the
 * callers: within the refresh margin ONE caller fetches while the others go on with the value that is still
 * valid; only when none is valid (first use, or expired) do callers wait, for one shared fetch. A renewal that
 * fails keeps the valid value and is tried again after a pause, not by every call. Time is read from the
 * supplier given (the client's time source), so that tests move it.
 *
 * @param <T> the value
 */
public final class ExpiringCache<T> {
  private static final Logger LOG = LoggerFactory.getLogger("io.sfsturbo.jobs.auth");
  /** The least time between two fetches of a value that is still valid: a renewal never runs per request. */
  public static final Duration MIN_REFRESH_INTERVAL = Duration.ofMinutes(1);

  /** Fetches a value; throws a runtime exception when it cannot. */
  public interface Fetch<T> {
    /**
     * Fetches.
     *
     * @return the value and when it expires
     */
    Fetched<T> fetch();
  }

  /** A value and its expiry. */
  public static final class Fetched<T> {
    final T value;
    final Instant expiresAt;

    /**
     * @param value the value
     * @param expiresAt when it stops being valid
     */
    public Fetched(T value, Instant expiresAt) {
      this.value = value;
      this.expiresAt = expiresAt;
    }
  }

  private static final class State<T> {
    final T value;
    final Instant expiresAt;
    final Instant refreshAt;
    final Instant fetchedAt;

    State(T value, Instant expiresAt, Instant refreshAt, Instant fetchedAt) {
      this.value = value;
      this.expiresAt = expiresAt;
      this.refreshAt = refreshAt;
      this.fetchedAt = fetchedAt;
    }
  }

  private final Fetch<T> source;
  private final Supplier<Instant> clock;
  private final Duration margin;
  private final String what;
  private final Object lock = new Object();
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile State<T> state;

  /**
   * @param source fetches the value
   * @param clock the time
   * @param margin how long before expiry a renewal starts
   * @param what names the value in log lines, such as {@code the instance's temporary keys}
   */
  public ExpiringCache(Fetch<T> source, Supplier<Instant> clock, Duration margin, String what) {
    this.source = source;
    this.clock = clock;
    this.margin = margin;
    this.what = what;
  }

  /**
   * Returns a valid value, fetching or renewing it as needed.
   *
   * @return the value
   * @throws RuntimeException what the fetch threw, when no valid value is held
   */
  public T get() {
    State<T> s = state;
    Instant now = clock.get();
    if (s != null && now.isBefore(s.refreshAt)) {
      return s.value;
    }
    if (s != null && now.isBefore(s.expiresAt)) {
      // In the margin: one caller renews, the others sign with the still-valid value meanwhile.
      if (!refreshing.compareAndSet(false, true)) {
        return s.value;
      }
      try {
        return renew(s);
      } finally {
        refreshing.set(false);
      }
    }
    synchronized (lock) {
      s = state;
      now = clock.get();
      if (s != null && now.isBefore(s.expiresAt)) {
        return s.value;
      }
      State<T> fresh = fetch(now);
      state = fresh;
      return fresh.value;
    }
  }

  private T renew(State<T> seen) {
    synchronized (lock) {
      State<T> s = state;
      if (s != seen) {
        return s.value;
      }
      Instant now = clock.get();
      try {
        State<T> fresh = fetch(now);
        state = fresh;
        return fresh.value;
      } catch (RuntimeException e) {
        Instant retry = min(s.expiresAt, now.plus(MIN_REFRESH_INTERVAL));
        state = new State<>(s.value, s.expiresAt, retry, s.fetchedAt);
        LOG.warn("renewing {} failed; using the current ones until they expire at {} (next try in {}): {}", what,
            s.expiresAt, DurationText.format(Duration.between(now, retry)), e.getMessage());
        return s.value;
      }
    }
  }

  /**
   * Fetches anew after the service refused a value, unless the value was renewed meanwhile or was fetched
   * less than {@link #MIN_REFRESH_INTERVAL} ago (a refusal for another reason, such as a skewed clock, must not
   * make every request fetch).
   *
   * @param refused the value the refused request carried
   * @return whether the value now held differs from the refused one
   */
  public boolean renewAfterRefusal(T refused) {
    synchronized (lock) {
      State<T> s = state;
      if (s == null || !s.value.equals(refused)) {
        return s != null;
      }
      Instant now = clock.get();
      if (now.isBefore(s.fetchedAt.plus(MIN_REFRESH_INTERVAL))) {
        return false;
      }
      try {
        state = fetch(now);
      } catch (RuntimeException e) {
        LOG.warn("renewing {} after the service refused them failed: {}", what, e.getMessage());
        state = new State<>(s.value, s.expiresAt, s.refreshAt, now);
        return false;
      }
      return !state.value.equals(refused);
    }
  }

  /**
   * Forgets a value the service refused, so that the next {@link #get()} fetches (when it is still the one held).
   *
   * @param refused the refused value
   */
  public void invalidate(T refused) {
    synchronized (lock) {
      State<T> s = state;
      if (s != null && s.value.equals(refused)) {
        state = null;
      }
    }
  }

  /** Returns when the value held expires, or null when none is held. */
  public Instant expiresAt() {
    State<T> s = state;
    return s == null ? null : s.expiresAt;
  }

  private State<T> fetch(Instant now) {
    Fetched<T> f = source.fetch();
    // A renewal starts at the margin before expiry, but never sooner than the least interval: keys that live
    // shorter than the margin would otherwise be fetched again at every request.
    Instant refreshAt = min(f.expiresAt, max(f.expiresAt.minus(margin), now.plus(MIN_REFRESH_INTERVAL)));
    return new State<>(f.value, f.expiresAt, refreshAt, now);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
