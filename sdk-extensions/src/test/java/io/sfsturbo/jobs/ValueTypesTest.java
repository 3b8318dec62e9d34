// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sfsturbo.jobs.retry.Backoff;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.waiter.WaitOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The configuration values compare by value, so that they can be cached, logged and asserted on. */
class ValueTypesTest {
  @Test
  void optionsAndPoliciesCompareByValue() {
    assertEquals(WaitOptions.defaults(), WaitOptions.builder().build());
    assertEquals(WaitOptions.defaults().hashCode(), WaitOptions.builder().build().hashCode());
    assertNotEquals(WaitOptions.defaults(), WaitOptions.builder().timeout(Duration.ofMinutes(5)).build());
    assertEquals(WaitOptions.defaults(), WaitOptions.defaults().toBuilder().build());

    assertEquals(RetryPolicy.defaults(), RetryPolicy.builder().build());
    assertEquals(RetryPolicy.defaults().hashCode(), RetryPolicy.builder().build().hashCode());
    assertNotEquals(RetryPolicy.defaults(), RetryPolicy.none());

    assertEquals(CallOptions.defaults(), CallOptions.builder().build());
    assertNotEquals(CallOptions.defaults(), CallOptions.builder().callTimeout(Duration.ofSeconds(5)).build());
    assertEquals(CallOptions.builder().callTimeout(Duration.ofSeconds(5)).build().hashCode(),
        CallOptions.builder().callTimeout(Duration.ofSeconds(5)).build().hashCode());

    Backoff b = Backoff.of(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(30), 0.2);
    assertEquals(b, WaitOptions.defaults().pollBackoff());
    assertEquals(b.hashCode(), WaitOptions.defaults().pollBackoff().hashCode());
    assertNotEquals(b, Backoff.of(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30), 0.2));
  }

  @Test
  void backoffGrowsCapsAndDrawsJitterBelowTheDelay() {
    Backoff b = Backoff.of(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(30), 0.2);
    assertEquals(Duration.ofSeconds(2), b.delay(0, 0.0));
    assertEquals(Duration.ofSeconds(3), b.delay(1, 0.0));
    assertEquals(Duration.ofMillis(4500), b.delay(2, 0.0));
    assertEquals(Duration.ofSeconds(30), b.delay(40, 0.0));
    assertEquals(Duration.ofMillis(1600), b.delay(0, 1.0));
  }
}
