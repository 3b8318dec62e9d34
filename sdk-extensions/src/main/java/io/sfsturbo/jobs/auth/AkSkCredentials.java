// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.internal.AkSkSigner;
import io.sfsturbo.jobs.internal.HeaderValues;
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
 *
 * <p>Keys and the security token lose surrounding whitespace (such as the CR LF a file written on
 * Windows ends in); any other character outside printable ASCII is refused with a message that
 * names where the value came from but does not show it.
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

  static final String WHAT_AK = "the access key";
  static final String WHAT_SK = "the secret key";
  static final String WHAT_SECURITY_TOKEN = "the security token";

  /** Takes values already checked by {@link #checked}. */
  private AkSkCredentials(String accessKey, String secretKey, String securityToken, Clock clock) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.securityToken = securityToken;
    this.clock = Objects.requireNonNull(clock, "clock");
    String key = this.secretKey;
    this.hmac = ThreadLocal.withInitial(() -> AkSkSigner.hmacFor(key));
  }

  /**
   * Uses permanent credentials.
   *
   * @param accessKey the AK; surrounding whitespace is removed
   * @param secretKey the SK; surrounding whitespace is removed
   * @return the credentials
   * @throws IllegalArgumentException when a key is null, blank, or holds a character outside
   *     printable ASCII (the message does not show the key)
   */
  public static AkSkCredentials of(String accessKey, String secretKey) {
    String source = "AkSkCredentials.of(accessKey, secretKey)";
    return checked(accessKey, source, secretKey, source, null, null);
  }

  /**
   * Uses temporary credentials (from IAM's security token service).
   *
   * @param accessKey the temporary AK; surrounding whitespace is removed
   * @param secretKey the temporary SK; surrounding whitespace is removed
   * @param securityToken the security token; surrounding whitespace is removed
   * @return the credentials
   * @throws IllegalArgumentException when a value is null, blank, or holds a character outside
   *     printable ASCII (the message does not show the value)
   */
  public static AkSkCredentials temporary(String accessKey, String secretKey, String securityToken) {
    String source = "AkSkCredentials.temporary(accessKey, secretKey, securityToken)";
    // Checked here rather than passed on as null: null would silently mean permanent credentials.
    HeaderValues.requireValid(securityToken, source, WHAT_SECURITY_TOKEN);
    return checked(accessKey, source, secretKey, source, securityToken, source);
  }

  /**
   * Checks each value and names its own source in a message, so that the environment chain can
   * name the variable that holds a bad value.
   *
   * @param securityToken null for permanent credentials
   * @throws IllegalArgumentException when a value is bad; the message names its source
   */
  static AkSkCredentials checked(String accessKey, String accessKeySource, String secretKey, String secretKeySource,
      String securityToken, String securityTokenSource) {
    String ak = HeaderValues.requireValid(accessKey, accessKeySource, WHAT_AK);
    // The SK goes into no header, but real SKs are printable ASCII: one with a line break or a non-ASCII
    // character is a broken copy, better refused here than as a signature mismatch the gateway cannot explain.
    String sk = HeaderValues.requireValid(secretKey, secretKeySource, WHAT_SK);
    String token = securityToken == null ? null
        : HeaderValues.requireValid(securityToken, securityTokenSource, WHAT_SECURITY_TOKEN);
    return new AkSkCredentials(ak, sk, token, Clock.systemUTC());
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
