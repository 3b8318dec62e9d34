// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.Identity;
import io.sfsturbo.jobs.auth.Rejection;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.internal.ErrorDecoder;
import io.sfsturbo.jobs.time.TimeSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request with the identity its credentials resolve (a token header, or an
 * AK/SK signature computed here), and on a 401 lets the credentials recover (a new token) or
 * corrects the signing clock from the gateway's {@code Date}, then sends the request once more.
 * Runs as an application interceptor, so that the second try is invisible to the retry logic above it.
 *
 * <p>A failure of the credentials (a supplier's bad token, an unreachable IAM endpoint) leaves
 * as {@link Failure}, an {@code IOException}: OkHttp hands any other exception of an async call's
 * interceptor to the dispatcher thread's uncaught handler, so sync and async calls would fail
 * differently. The attempt unwraps it into the same typed exception either way.
 */
public final class AuthenticatingInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("io.sfsturbo.jobs.auth");
  /** The gateway allows 15 minutes; a smaller skew is not what made it refuse the signature. */
  private static final Duration SKEW_TOLERANCE = Duration.ofMinutes(5);
  /**
   * The largest skew the SDK corrects: a day is more than a real clock drifts; a Date further off is a
   * hostile or broken answer, and believing it would sign every later request with a date in 2099 or 1970.
   */
  static final Duration MAX_SKEW_CORRECTION = Duration.ofDays(1);

  private final Credentials credentials;
  private final TimeSource clock;
  /** How far the gateway's clock is ahead of ours, learnt from a refused signature; signs with it from then on. */
  private final AtomicLong clockOffsetMillis = new AtomicLong();
  /** A keyed MAC per thread: creating and keying one costs more than the signature itself. */
  private final ThreadLocal<KeyedMac> macs = new ThreadLocal<>();
  private final SdkDates sdkDates = new SdkDates();

  /**
   * Creates the interceptor of one client.
   *
   * @param credentials what authenticates each request
   * @param clock the client's time: signatures carry its wall-clock time
   */
  public AuthenticatingInterceptor(Credentials credentials, TimeSource clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    // The request already carries the fixed headers (JobRequestCache): one copy per send, here, adds the identity.
    Request original = chain.request();
    Identity identity = resolve();
    Response response = chain.proceed(apply(original, identity));
    if (response.code() == 401) {
      boolean again;
      try {
        Rejection rejection = rejection(response, identity);
        boolean refreshed = refresh(rejection);
        again = refreshed || (!identity.isToken() && learnClockSkew(rejection));
      } catch (IOException | RuntimeException e) {
        // Credentials that fail to refresh must not leave the 401's connection open.
        response.close();
        throw e;
      }
      if (again) {
        response.close();
        return chain.proceed(apply(original, resolve()));
      }
    }
    return response;
  }

  private Request apply(Request request, Identity identity) {
    if (identity.isToken()) {
      return request.newBuilder().header("X-Auth-Token", identity.token()).build();
    }
    Request toSign = identity.securityToken() == null ? request
        : request.newBuilder().header("X-Security-Token", identity.securityToken()).build();
    return AkSkSigner.sign(toSign, identity.accessKey(), mac(identity.secretKey()),
        sdkDates.format(clock.now().plusMillis(clockOffsetMillis.get())));
  }

  private Mac mac(String secretKey) {
    KeyedMac keyed = macs.get();
    // Compared by identity first: the same credentials hand back the same key string at every call.
    if (keyed == null || (keyed.secretKey != secretKey && !keyed.secretKey.equals(secretKey))) {
      keyed = new KeyedMac(secretKey, AkSkSigner.hmacFor(secretKey));
      macs.set(keyed);
    }
    return keyed.mac;
  }

  private static Rejection rejection(Response response, Identity identity) {
    String errorCode = null;
    try {
      errorCode = ErrorDecoder.decode("", response.code(), null, null, response.peekBody(8192).string(),
          Instant.EPOCH).errorCode();
    } catch (IOException unreadable) {
      // No code: the credentials decide without it.
    }
    Instant serverDate = null;
    String date = response.header("Date");
    if (date != null) {
      try {
        serverDate = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (RuntimeException unreadable) {
        // An unreadable Date says nothing about our clock.
      }
    }
    return Rejection.of(response.code(), errorCode, serverDate, identity);
  }

  /** Learns the gateway's clock from a refused signature; returns whether signing again can succeed. */
  private boolean learnClockSkew(Rejection rejection) {
    if (!"APIGW.0301".equals(rejection.errorCode()) || rejection.serverDate() == null) {
      return false;
    }
    Instant signedAt = clock.now().plusMillis(clockOffsetMillis.get());
    if (Duration.between(signedAt, rejection.serverDate()).abs().compareTo(SKEW_TOLERANCE) <= 0) {
      return false;
    }
    Duration skew = Duration.between(clock.now(), rejection.serverDate());
    if (skew.abs().compareTo(MAX_SKEW_CORRECTION) > 0) {
      LOG.warn("the API gateway rejected a signature and its Date is {} away from this machine's clock, more than a "
          + "clock drifts: not correcting by it (check this machine's clock, or what answers for the gateway)",
          DurationText.format(skew.abs()));
      return false;
    }
    long corrected = skew.toMillis();
    clockOffsetMillis.set(corrected);
    LOG.warn("the API gateway rejected a signature and its clock is {} s ahead of ours; signing with that "
        + "offset from now on", corrected / 1000);
    return true;
  }

  /** The clock offset learnt from the gateway; zero until a skew is detected. */
  Duration clockOffset() {
    return Duration.ofMillis(clockOffsetMillis.get());
  }

  private Identity resolve() throws Failure {
    Identity identity;
    try {
      identity = credentials.resolveIdentity();
    } catch (RuntimeException e) {
      throw new Failure(typed(e));
    }
    if (identity == null) {
      throw new Failure(new CredentialsException(credentials.getClass().getName() + ".resolveIdentity() returned null",
          null));
    }
    return identity;
  }

  private boolean refresh(Rejection rejection) throws Failure {
    try {
      return credentials.refreshAfterRejection(rejection);
    } catch (RuntimeException e) {
      throw new Failure(typed(e));
    }
  }

  private static SfsTurboException typed(RuntimeException e) {
    if (e instanceof SfsTurboException) {
      return (SfsTurboException) e;
    }
    // A custom Credentials threw something of its own; its message is the implementer's, kept escaped.
    return new CredentialsException("the credentials could not authenticate the request: "
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + SafeText.forMessage(e.getMessage())),
        e);
  }

  private static final class KeyedMac {
    final String secretKey;
    final Mac mac;

    KeyedMac(String secretKey, Mac mac) {
      this.secretKey = secretKey;
      this.mac = mac;
    }
  }

  /** Carries a credentials failure through OkHttp as an {@code IOException}. */
  static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;
    final transient SfsTurboException failure;

    Failure(SfsTurboException failure) {
      super(failure.getMessage(), failure);
      this.failure = failure;
    }
  }
}
