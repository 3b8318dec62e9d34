// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.UnexpectedRedirectException;
import io.sfsturbo.jobs.testing.FakeTime;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** IAM's answers to the project id lookup: which statuses are redirects, and which trace id names the answer. */
@Timeout(20)
class ProjectIdLookupTest {
  private final MockWebServer iam = new MockWebServer();
  private final OkHttpClient plain = new OkHttpClient.Builder().followRedirects(false).build();

  @BeforeEach
  void start() throws IOException {
    iam.start();
  }

  @AfterEach
  void stop() {
    plain.connectionPool().evictAll();
    iam.close();
  }

  private ServiceException failure(int code) {
    iam.enqueue(new MockResponse.Builder().code(code).addHeader("X-IAM-Trace-Id", "trace-" + code)
        .addHeader("X-Request-Id", "rid-" + code).body("{\"error\":{\"code\":\"x\"}}").build());
    SfsTurboException e = assertThrows(SfsTurboException.class, () -> ProjectIdLookup.lookup(plain,
        AkSkCredentials.of("AKLOOKUP", "Hq2Vn8Lw5Rt1Xy7Zp4CANARY"), FakeTime.manual().at(Instant.parse(
            "2026-11-29T10:00:00Z")), URI.create(iam.url("/").toString()), "test", "eu-de", Duration.ofSeconds(10)));
    return assertInstanceOf(ServiceException.class, e);
  }

  @Test
  void only3xxIsARedirectNamedByIamsTraceId() {
    for (int code : new int[] {300, 399}) {
      ServiceException e = failure(code);
      assertInstanceOf(UnexpectedRedirectException.class, e, String.valueOf(code));
      assertEquals(code, e.statusCode());
      assertEquals("trace-" + code, e.requestId(), "IAM's trace id before the request id");
    }
    for (int code : new int[] {400, 500}) {
      ServiceException e = failure(code);
      assertFalse(e instanceof UnexpectedRedirectException, String.valueOf(code));
      assertEquals(code, e.statusCode());
      assertEquals("trace-" + code, e.requestId());
    }
  }
}
