// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.Identity;
import io.sfsturbo.jobs.auth.Rejection;
import io.sfsturbo.jobs.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK applies the identity its credentials resolve: token header, or an AK/SK signature with its own clock. */
class AuthenticatingInterceptorTest {
  static final FakeTime CLOCK = FakeTime.manual().at(Instant.parse("2026-11-29T10:00:00Z"));
  static final String APIGW_0301 = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"signature expired\"}";
  final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int send(AuthenticatingInterceptor interceptor) throws Exception {
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(interceptor).build();
    Request request = new Request.Builder().url(server.url("/v1/proj/sfs-turbo/jobs/j")).header("X-Project-Id", "proj")
        .header("Content-Type", "application/json").build();
    try (Response r = http.newCall(request).execute()) {
      return r.code();
    }
  }

  private RecordedRequest taken() throws Exception {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  private static MockResponse rejected(String body, String date) {
    MockResponse.Builder b = new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json").body(body);
    if (date != null) {
      b.addHeader("Date", date);
    }
    return b.build();
  }

  @Test
  void aTokenIsSentAsItsHeaderAndTheRequestsHeadersKept() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    assertEquals(200, send(new AuthenticatingInterceptor(() -> Identity.token("tok"), CLOCK)));
    RecordedRequest r = taken();
    assertEquals("tok", r.getHeaders().get("X-Auth-Token"));
    assertEquals("proj", r.getHeaders().get("X-Project-Id"));
    assertEquals("application/json", r.getHeaders().get("Content-Type"));
    assertNull(r.getHeaders().get("Authorization"));
  }

  @Test
  void anAccessKeyIsSignedWithTheClientsClockAndTheSecurityTokenSigned() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    send(new AuthenticatingInterceptor(AkSkCredentials.temporary("AKTESTEXAMPLE", "SKsecretEXAMPLE", "sts"), CLOCK));
    RecordedRequest first = taken();
    assertEquals("20261129T100000Z", first.getHeaders().get("X-Sdk-Date"));
    assertEquals("sts", first.getHeaders().get("X-Security-Token"));
    String auth = first.getHeaders().get("Authorization");
    assertTrue(auth.startsWith("SDK-HMAC-SHA256 Access=AKTESTEXAMPLE, SignedHeaders="), auth);
    assertTrue(auth.contains("SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,"), auth);
    assertNull(first.getHeaders().get("X-Auth-Token"));
    // Another secret key gives another signature: the key pair, not just the access key, is applied.
    send(new AuthenticatingInterceptor(AkSkCredentials.temporary("AKTESTEXAMPLE", "other", "sts"), CLOCK));
    assertNotEquals(auth, taken().getHeaders().get("Authorization"));
  }

  @Test
  void aRefusedSignatureTeachesTheGatewaysClockAndIsSentOnceMore() throws Exception {
    server.enqueue(rejected(APIGW_0301, "Sun, 29 Nov 2026 11:00:00 GMT"));
    server.enqueue(new MockResponse.Builder().code(200).build());
    AuthenticatingInterceptor interceptor = new AuthenticatingInterceptor(AkSkCredentials.of("AK", "SK"), CLOCK);
    assertEquals(200, send(interceptor));
    assertEquals("20261129T100000Z", taken().getHeaders().get("X-Sdk-Date"));
    assertEquals("20261129T110000Z", taken().getHeaders().get("X-Sdk-Date"));
    assertEquals(Duration.ofHours(1), interceptor.clockOffset());
    // Once corrected, the same answer no longer means a skew: no endless resending.
    server.enqueue(rejected(APIGW_0301, "Sun, 29 Nov 2026 11:00:10 GMT"));
    assertEquals(401, send(interceptor));
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void aDateBeyondWhatAClockDriftsIsNotBelievedWhateverItSays() throws Exception {
    AuthenticatingInterceptor interceptor = new AuthenticatingInterceptor(AkSkCredentials.of("AK", "SK"), CLOCK);
    for (String hostile : new String[] {"Thu, 01 Jan 2099 00:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT",
        "Sat, 28 Nov 2026 09:59:59 GMT", "Mon, 30 Nov 2026 10:00:01 GMT"}) {
      server.enqueue(rejected(APIGW_0301, hostile));
      assertEquals(401, send(interceptor), hostile);
      assertEquals(Duration.ZERO, interceptor.clockOffset(), hostile);
    }
    // A day is still a drift: corrected.
    server.enqueue(rejected(APIGW_0301, "Mon, 30 Nov 2026 10:00:00 GMT"));
    server.enqueue(new MockResponse.Builder().code(200).build());
    assertEquals(200, send(interceptor));
    assertEquals(Duration.ofDays(1), interceptor.clockOffset());
  }

  @Test
  void otherRejectionsOfASignatureAreNotResent() throws Exception {
    AuthenticatingInterceptor interceptor = new AuthenticatingInterceptor(AkSkCredentials.of("AK", "SK"), CLOCK);
    server.enqueue(rejected(APIGW_0301, null));
    assertEquals(401, send(interceptor), "no Date header");
    server.enqueue(rejected(APIGW_0301, "Sun, 29 Nov 2026 10:01:00 GMT"));
    assertEquals(401, send(interceptor), "no skew");
    server.enqueue(rejected("{\"error_code\":\"APIGW.0101\"}", "Sun, 29 Nov 2026 12:00:00 GMT"));
    assertEquals(401, send(interceptor), "another error");
    assertEquals(3, server.getRequestCount());
    assertEquals(Duration.ZERO, interceptor.clockOffset());
  }

  @Test
  void credentialsThatFailToRefreshLeaveNoConnectionHeld() throws Exception {
    Credentials failing = new Credentials() {
      @Override
      public Identity resolveIdentity() {
        return Identity.token("tok");
      }

      @Override
      public boolean refreshAfterRejection(Rejection rejection) {
        throw new IllegalStateException("the token service is down");
      }
    };
    server.enqueue(rejected("{\"error_code\":\"APIGW.0307\"}", null));
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new AuthenticatingInterceptor(failing, CLOCK)).build();
    Request request = new Request.Builder().url(server.url("/v1/proj/sfs-turbo/jobs/j")).build();
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> http.newCall(request).execute());
    assertTrue(e instanceof AuthenticatingInterceptor.Failure, e::toString);
    // A held (leaked) connection is in use and survives evictAll; a closed response's is idle and goes.
    http.connectionPool().evictAll();
    assertEquals(0, http.connectionPool().connectionCount());
  }

  @Test
  void credentialsThatRefreshAreAskedAgainAndResentOnce() throws Exception {
    List<Rejection> heard = new ArrayList<>();
    int[] resolved = {0};
    Credentials renewing = new Credentials() {
      @Override
      public Identity resolveIdentity() {
        return Identity.token("tok-" + ++resolved[0]);
      }

      @Override
      public boolean refreshAfterRejection(Rejection rejection) {
        heard.add(rejection);
        return true;
      }
    };
    server.enqueue(rejected("{\"error_code\":\"APIGW.0307\"}", null));
    server.enqueue(rejected("{\"error_code\":\"APIGW.0307\"}", null));
    assertEquals(401, send(new AuthenticatingInterceptor(renewing, CLOCK)), "a second 401 is final");
    assertEquals("tok-1", taken().getHeaders().get("X-Auth-Token"));
    assertEquals("tok-2", taken().getHeaders().get("X-Auth-Token"));
    assertEquals(1, heard.size());
    assertEquals("APIGW.0307", heard.get(0).errorCode());
    assertEquals("tok-1", heard.get(0).identity().token());
  }
}
