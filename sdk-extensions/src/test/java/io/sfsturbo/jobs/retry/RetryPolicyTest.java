// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.internal.ErrorDecoder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  static ServiceException status(int code) {
    return ErrorDecoder.decode("op", code, null, null, "", Instant.EPOCH);
  }

  @Test
  void retriesTransientFailuresOnly() {
    RetryPolicy p = RetryPolicy.defaults();
    for (int code : new int[] {429, 500, 502, 503, 504}) {
      assertEquals(Duration.ofMillis(100), p.nextDelay(status(code), 1, 0.5), "status " + code);
    }
    for (int code : new int[] {400, 401, 403, 404, 409, 501}) {
      assertNull(p.nextDelay(status(code), 1, 0.5), "status " + code);
    }
    assertEquals(Duration.ofMillis(100), p.nextDelay(new TransportException("reset", null), 1, 0.5));
  }

  @Test
  void exponentialFullJitterWithCap() {
    RetryPolicy p = RetryPolicy.builder().maxAttempts(10).baseDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofMillis(1000)).build();
    ServerException e = (ServerException) status(503);
    // The random number r draws d x (1 - jitter x r): full jitter spans [0, d].
    assertEquals(Duration.ofMillis(100), p.nextDelay(e, 1, 0.0));
    assertEquals(Duration.ofMillis(200), p.nextDelay(e, 2, 0.0));
    assertEquals(Duration.ofMillis(400), p.nextDelay(e, 3, 0.0));
    assertEquals(Duration.ofMillis(1000), p.nextDelay(e, 5, 0.0));
    assertEquals(Duration.ofMillis(1000), p.nextDelay(e, 9, 0.0));
    assertEquals(Duration.ZERO, p.nextDelay(e, 9, 0.999999));
    assertNull(p.nextDelay(e, 10, 0.5), "attempts exhausted");
  }

  @Test
  void retryAfterIsHonouredAsALowerBoundAndTooLongOnesSurface() {
    RetryPolicy p = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(10)).build();
    ErrorDetails d = new ErrorDetails("op", 429, null, null, null, "");
    assertEquals(Duration.ofSeconds(4), p.nextDelay(new ThrottledException(d, Duration.ofSeconds(4)), 1, 0.5));
    assertEquals(Duration.ofMillis(100), p.nextDelay(new ThrottledException(d, Duration.ZERO), 1, 0.5));
    assertNull(p.nextDelay(new ThrottledException(d, Duration.ofSeconds(11)), 1, 0.5));
  }

  @Test
  void noneMeansOneAttemptAndBadSettingsAreRejected() {
    assertNull(RetryPolicy.none().nextDelay(status(503), 1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(10)).maxDelay(Duration.ofSeconds(1)).build());
  }
}
