// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.CredentialsException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The renewal rules of cached credentials, on a clock the test moves. */
@Timeout(10)
class ExpiringCacheTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final AtomicReference<Instant> now = new AtomicReference<>(T0);
  final AtomicInteger fetches = new AtomicInteger();
  volatile RuntimeException failWith;
  volatile CountDownLatch holdFetch;
  volatile CountDownLatch fetchStarted = new CountDownLatch(1);

  /** Values "v1", "v2"... each valid for an hour from when it was fetched. */
  final ExpiringCache<String> cache = new ExpiringCache<>(() -> {
    fetchStarted.countDown();
    CountDownLatch hold = holdFetch;
    if (hold != null) {
      try {
        hold.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failWith != null) {
      throw failWith;
    }
    return new ExpiringCache.Fetched<>("v" + fetches.incrementAndGet(), now.get().plus(Duration.ofHours(1)));
  }, now::get, Duration.ofMinutes(40), "test keys");

  void at(Duration sinceT0) {
    now.set(T0.plus(sinceT0));
  }

  @Test
  void aValueIsFetchedOnceAndKeptUntilTheMarginBeforeExpiry() {
    assertEquals("v1", cache.get());
    at(Duration.ofMinutes(19));
    assertEquals("v1", cache.get());
    assertEquals(1, fetches.get());
    at(Duration.ofMinutes(20));
    assertEquals("v2", cache.get(), "40 minutes before expiry: renewed");
    assertEquals(2, fetches.get());
  }

  @Test
  void inTheMarginOneCallerRenewsWhileTheOthersKeepTheValidValue() throws Exception {
    cache.get();
    at(Duration.ofMinutes(30));
    holdFetch = new CountDownLatch(1);
    fetchStarted = new CountDownLatch(1);
    CompletableFuture<String> renewing = CompletableFuture.supplyAsync(cache::get);
    assertTrue(fetchStarted.await(5, TimeUnit.SECONDS));
    for (int i = 0; i < 5; i++) {
      assertEquals("v1", cache.get(), "the others sign with the still-valid value, without waiting");
    }
    holdFetch.countDown();
    assertEquals("v2", renewing.get(5, TimeUnit.SECONDS));
    assertEquals("v2", cache.get());
    assertEquals(2, fetches.get(), "one renewal, not one per caller");
  }

  @Test
  void aFailedRenewalKeepsTheValidValueAndIsTriedAgainAMinuteLater() {
    cache.get();
    at(Duration.ofMinutes(30));
    failWith = new CredentialsException("metadata service down", null);
    assertEquals("v1", cache.get());
    at(Duration.ofMinutes(30).plusSeconds(59));
    assertEquals("v1", cache.get());
    failWith = null;
    assertEquals(1, fetches.get());
    at(Duration.ofMinutes(31));
    assertEquals("v2", cache.get());
  }

  @Test
  void withoutAValidValueCallersWaitForTheFetchAndSeeItsFailure() {
    failWith = new CredentialsException("no service", null);
    assertThrows(CredentialsException.class, cache::get);
    failWith = null;
    assertEquals("v1", cache.get());
    at(Duration.ofMinutes(61));
    failWith = new CredentialsException("no service", null);
    assertSame(failWith, assertThrows(CredentialsException.class, cache::get), "an expired value is never used");
  }

  @Test
  void valuesShorterThanTheMarginAreRenewedAtMostOnceAMinute() {
    ExpiringCache<String> shortLived = new ExpiringCache<>(() -> new ExpiringCache.Fetched<>(
        "s" + fetches.incrementAndGet(), now.get().plus(Duration.ofMinutes(10))), now::get, Duration.ofMinutes(40), "x");
    shortLived.get();
    at(Duration.ofSeconds(59));
    shortLived.get();
    assertEquals(1, fetches.get());
    at(Duration.ofMinutes(1));
    assertEquals("s2", shortLived.get());
  }

  @Test
  void aRefusalRenewsOnlyTheValueRefusedAndAtMostOnceAMinute() {
    String v1 = cache.get();
    assertFalse(cache.renewAfterRefusal(v1), "fetched just now: the refusal has another cause");
    at(Duration.ofMinutes(2));
    assertTrue(cache.renewAfterRefusal(v1));
    assertEquals("v2", cache.get());
    assertTrue(cache.renewAfterRefusal(v1), "already renewed by another caller: try again with the new value");
    assertEquals(2, fetches.get());
  }
}
