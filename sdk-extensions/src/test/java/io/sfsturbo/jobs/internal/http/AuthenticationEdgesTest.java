// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.Identity;
import io.sfsturbo.jobs.auth.Rejection;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.testing.FakeTime;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edges of authentication: credentials that fail leave typed and send nothing; the clock is corrected
 * only past the gateway's tolerance and only for a signature; a key that rotates signs with the new key.
 */
class AuthenticationEdgesTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final String EXPIRED = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"signature expired\"}";
  private final FakeTime clock = FakeTime.manual().at(NOW);
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int send(Interceptor interceptor) throws IOException {
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(interceptor).build();
    Request request = new Request.Builder().url(server.url("/v1/proj/sfs-turbo/jobs/j")).build();
    try (Response r = http.newCall(request).execute()) {
      return r.code();
    }
  }

  private RecordedRequest taken() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  private static MockResponse expired(String date) {
    return new MockResponse.Builder().code(401).addHeader("Date", date).body(EXPIRED).build();
  }

  private static Credentials resolving(Supplier<Identity> identity) {
    return identity::get;
  }

  @Test
  void credentialsThatCannotResolveFailTypedAndSendNothing() {
    SfsTurboException own = new CredentialsException("the profile has no key", null);
    Object[][] cases = {
        {resolving(() -> null), null, "returned null"},
        {resolving(() -> {
          throw new IllegalStateException("vault\nsealed");
        }), null, "the credentials could not authenticate the request: IllegalStateException: vault\\u000asealed"},
        {resolving(() -> {
          throw new UnsupportedOperationException();
        }), null, "the credentials could not authenticate the request: UnsupportedOperationException"},
        {resolving(() -> {
          throw own;
        }), own, "the profile has no key"},
    };
    for (Object[] c : cases) {
      Credentials credentials = (Credentials) c[0];
      AuthenticatingInterceptor.Failure f = assertThrows(AuthenticatingInterceptor.Failure.class,
          () -> send(new AuthenticatingInterceptor(credentials, clock)));
      SfsTurboException typed = f.failure;
      assertInstanceOf(CredentialsException.class, typed);
      if (c[1] != null) {
        assertSame(c[1], typed);
      }
      String message = typed.getMessage();
      assertEquals(true, message.endsWith((String) c[2]), message);
      assertEquals(message, f.getMessage(), "the IOException says what the typed failure says");
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void theClockIsCorrectedOnlyForASkewPastTheGatewaysToleranceEitherWay() throws Exception {
    Object[][] cases = {
        // the gateway's Date, whether the request is signed again, the offset learnt
        {"Sun, 29 Nov 2026 10:05:00 GMT", false, Duration.ZERO},
        {"Sun, 29 Nov 2026 09:55:00 GMT", false, Duration.ZERO},
        {"Sun, 29 Nov 2026 10:05:01 GMT", true, Duration.ofSeconds(301)},
        {"Sun, 29 Nov 2026 09:54:59 GMT", true, Duration.ofSeconds(-301)},
        {"not a date", false, Duration.ZERO},
    };
    for (Object[] c : cases) {
      server.enqueue(expired((String) c[0]));
      boolean again = (Boolean) c[1];
      if (again) {
        server.enqueue(new MockResponse.Builder().code(200).build());
      }
      AuthenticatingInterceptor interceptor = new AuthenticatingInterceptor(AkSkCredentials.of("AK", "SK"), clock);
      assertEquals(again ? 200 : 401, send(interceptor), (String) c[0]);
      assertEquals(c[2], interceptor.clockOffset(), (String) c[0]);
      assertEquals("20261129T100000Z", taken().getHeaders().get("X-Sdk-Date"));
      if (again) {
        Instant corrected = NOW.plus((Duration) c[2]);
        assertEquals(AkSkSigner.SDK_DATE.format(corrected), taken().getHeaders().get("X-Sdk-Date"), (String) c[0]);
      }
    }
  }

  @Test
  void aRejectionsBodyIsClosedBeforeTheResendAndWhenTheCredentialsFailWhateverItsSize() throws Exception {
    // Past the 8 KB the rejection is read from: unless closed, the 401 would hold its connection (and OkHttp
    // refuses a second request while the first response is open).
    String big = "{\"error_code\":\"APIGW.0307\",\"padding\":\"" + "x".repeat(32 * 1024) + "\"}";
    int[] resolved = {0};
    Credentials renewing = new Credentials() {
      @Override
      public Identity resolveIdentity() {
        return Identity.token("tok-" + ++resolved[0]);
      }

      @Override
      public boolean refreshAfterRejection(Rejection rejection) {
        return true;
      }
    };
    server.enqueue(new MockResponse.Builder().code(401).body(big).build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new AuthenticatingInterceptor(renewing, clock))
        .build();
    Request request = new Request.Builder().url(server.url("/v1/proj/sfs-turbo/jobs/j")).build();
    try (Response r = http.newCall(request).execute()) {
      assertEquals(200, r.code());
    }
    RecordedRequest first = taken();
    RecordedRequest resent = taken();
    assertEquals("tok-2", resent.getHeaders().get("X-Auth-Token"));
    assertEquals(first.getConnectionIndex(), resent.getConnectionIndex(), "the resend reused the connection");

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
    server.enqueue(new MockResponse.Builder().code(401).body(big).build());
    OkHttpClient failingHttp = new OkHttpClient.Builder().addInterceptor(new AuthenticatingInterceptor(failing, clock))
        .build();
    assertThrows(AuthenticatingInterceptor.Failure.class, () -> failingHttp.newCall(request).execute());
    failingHttp.connectionPool().evictAll();
    assertEquals(0, failingHttp.connectionPool().connectionCount(), "no connection held by the unread 401");
  }

  @Test
  void aTokenIsNeverResentForTheClockAndAResendIsAskedOfTheCredentialsAgain() throws Exception {
    server.enqueue(expired("Sun, 29 Nov 2026 12:00:00 GMT"));
    AuthenticatingInterceptor interceptor = new AuthenticatingInterceptor(() -> Identity.token("tok"), clock);
    assertEquals(401, send(interceptor));
    assertEquals(Duration.ZERO, interceptor.clockOffset(), "a token carries no date to correct");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aRotatedSecretKeySignsWithTheNewKey() throws Exception {
    Identity[] current = {Identity.accessKey("AK", "SK-1")};
    AuthenticatingInterceptor rotating = new AuthenticatingInterceptor(() -> current[0], clock);
    for (String sk : new String[] {"SK-1", "SK-2", "SK-1"}) {
      current[0] = Identity.accessKey("AK", new String(sk.toCharArray()));
      server.enqueue(new MockResponse.Builder().code(200).build());
      send(rotating);
      server.enqueue(new MockResponse.Builder().code(200).build());
      send(new AuthenticatingInterceptor(AkSkCredentials.of("AK", sk), clock));
      assertEquals(taken().getHeaders().get("Authorization"), taken().getHeaders().get("Authorization"), sk);
    }
  }

  @Test
  void aSecurityTokenIsSentAndSignedOnlyWhenTheIdentityHasOne() throws Exception {
    for (Identity identity : new Identity[] {Identity.accessKey("AK", "SK"),
        Identity.temporaryAccessKey("AK", "SK", "sts")}) {
      server.enqueue(new MockResponse.Builder().code(200).build());
      send(new AuthenticatingInterceptor(() -> identity, clock));
      RecordedRequest r = taken();
      assertEquals(identity.securityToken(), r.getHeaders().get("X-Security-Token"));
      assertEquals(identity.securityToken() != null,
          r.getHeaders().get("Authorization").contains(";x-security-token,"));
    }
  }

  @Test
  void theRejectionHeardCarriesTheCodeTheDateAndTheIdentity() throws Exception {
    Rejection[] heard = new Rejection[1];
    Identity identity = Identity.accessKey("AK", "SK");
    Credentials listening = new Credentials() {
      @Override
      public Identity resolveIdentity() {
        return identity;
      }

      @Override
      public boolean refreshAfterRejection(Rejection rejection) {
        heard[0] = rejection;
        return false;
      }
    };
    server.enqueue(expired("Sun, 29 Nov 2026 10:00:30 GMT"));
    assertEquals(401, send(new AuthenticatingInterceptor(listening, clock)));
    assertEquals(401, heard[0].statusCode());
    assertEquals("APIGW.0301", heard[0].errorCode());
    assertEquals(NOW.plusSeconds(30), heard[0].serverDate());
    assertSame(identity, heard[0].identity());
  }
}
