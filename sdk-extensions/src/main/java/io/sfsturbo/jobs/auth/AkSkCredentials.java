// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.internal.AkSkSigner;
import io.sfsturbo.jobs.internal.http.ErrorDecoder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs requests with an access key (AK) and secret key (SK), algorithm {@code SDK-HMAC-SHA256}
 * of the API gateway; temporary credentials add a signed {@code X-Security-Token}.
 *
 * <p>The gateway rejects a request whose {@code X-Sdk-Date} is more than 15 minutes off. When it
 * does so ({@code 401 APIGW.0301}) and its {@code Date} header shows that the local clock is
 * off, these credentials remember the offset and the request is signed and sent once more.
 */
public final class AkSkCredentials implements Credentials {
  private static final Logger LOG = LoggerFactory.getLogger(AkSkCredentials.class);
  private static final Duration SKEW_TOLERANCE = Duration.ofMinutes(5);

  private final String accessKey;
  private final String secretKey;
  private final String securityToken;
  private final Clock clock;
  private final AtomicLong offsetMillis = new AtomicLong();
  /** A keyed MAC per thread: creating and keying one costs more than the signature itself. */
  private final ThreadLocal<Mac> hmac;

  private AkSkCredentials(String accessKey, String secretKey, String securityToken, Clock clock) {
    this.accessKey = requireText("accessKey", accessKey);
    this.secretKey = requireText("secretKey", secretKey);
    this.securityToken = securityToken == null ? null : requireText("securityToken", securityToken);
    this.clock = Objects.requireNonNull(clock, "clock");
    String key = this.secretKey;
    this.hmac = ThreadLocal.withInitial(() -> AkSkSigner.hmacFor(key));
  }

  /**
   * Uses permanent credentials.
   *
   * @param accessKey the AK
   * @param secretKey the SK
   * @return the credentials
   */
  public static AkSkCredentials of(String accessKey, String secretKey) {
    return new AkSkCredentials(accessKey, secretKey, null, Clock.systemUTC());
  }

  /**
   * Uses temporary credentials (from IAM's security token service).
   *
   * @param accessKey the temporary AK
   * @param secretKey the temporary SK
   * @param securityToken the security token
   * @return the credentials
   */
  public static AkSkCredentials temporary(String accessKey, String secretKey, String securityToken) {
    Objects.requireNonNull(securityToken, "securityToken");
    return new AkSkCredentials(accessKey, secretKey, securityToken, Clock.systemUTC());
  }

  /**
   * Returns a copy that reads time from another clock; for tests with fixed signing times.
   *
   * @param clock the clock
   * @return new credentials with the same keys
   */
  public AkSkCredentials withClock(Clock clock) {
    return new AkSkCredentials(accessKey, secretKey, securityToken, clock);
  }

  private static String requireText(String name, String value) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }

  /** Returns the access key id (not a secret; it names the key). */
  public String accessKey() {
    return accessKey;
  }

  /** Returns the clock correction learnt from the gateway; zero until a skew is detected. */
  public Duration clockOffset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  @Override
  public Request authenticate(Request request) {
    Request toSign = securityToken == null ? request
        : request.newBuilder().header("X-Security-Token", securityToken).build();
    return AkSkSigner.sign(toSign, accessKey, hmac.get(), clock.instant().plusMillis(offsetMillis.get()));
  }

  @Override
  public boolean refreshAfterRejection(Response rejected) {
    String date = rejected.header("Date");
    if (date == null || !isSignatureRejection(rejected)) {
      return false;
    }
    Instant serverNow;
    try {
      serverNow = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (RuntimeException unreadable) {
      return false;
    }
    Instant signedAt = clock.instant().plusMillis(offsetMillis.get());
    Duration skew = Duration.between(signedAt, serverNow);
    if (skew.abs().compareTo(SKEW_TOLERANCE) <= 0) {
      return false;
    }
    long corrected = Duration.between(clock.instant(), serverNow).toMillis();
    offsetMillis.set(corrected);
    LOG.warn("the API gateway rejected a signature and its clock is {} s ahead of ours; signing with that "
        + "offset from now on", corrected / 1000);
    return true;
  }

  private static boolean isSignatureRejection(Response rejected) {
    try {
      String body = rejected.peekBody(8192).string();
      return "APIGW.0301".equals(ErrorDecoder.decode("", 401, null, null, body, Instant.EPOCH).errorCode());
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "AkSkCredentials{accessKey=" + accessKey + ", secretKey=***"
        + (securityToken == null ? "" : ", securityToken=***") + '}';
  }
}
