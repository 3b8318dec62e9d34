// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Checks an {@code SDK-HMAC-SHA256} signature the way the gateway does, from the request as
 * received; written apart from the SDK's signer so that each checks the other.
 */
public final class SignatureVerifier {
  /** The outcome of a check. */
  public enum Result {
    /** The signature is right and the date within the limit. */
    VALID,
    /** The signature or the access key is wrong, or a part is missing. */
    INVALID,
    /** The signature is right but {@code X-Sdk-Date} is more than 15 minutes off. */
    EXPIRED
  }

  private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final Duration LIMIT = Duration.ofMinutes(15);

  private SignatureVerifier() {}

  /**
   * Verifies a request.
   *
   * @param method the method
   * @param url the URL as received
   * @param headers the headers as received
   * @param body the body
   * @param accessKey the expected AK
   * @param secretKey the SK
   * @param now the gateway's time
   * @return the outcome
   */
  public static Result verify(String method, HttpUrl url, Headers headers, byte[] body, String accessKey,
      String secretKey, Instant now) {
    String authorization = headers.get("Authorization");
    String date = headers.get("X-Sdk-Date");
    if (authorization == null || date == null || !authorization.startsWith("SDK-HMAC-SHA256 ")) {
      return Result.INVALID;
    }
    String access = part(authorization, "Access=");
    String signedHeaders = part(authorization, "SignedHeaders=");
    String signature = part(authorization, "Signature=");
    if (!accessKey.equals(access) || signedHeaders == null || signature == null) {
      return Result.INVALID;
    }
    List<String> names = new ArrayList<>();
    Collections.addAll(names, signedHeaders.split(";"));
    if (!names.contains("host") || !names.contains("x-sdk-date")) {
      return Result.INVALID;
    }
    StringBuilder canonical = new StringBuilder(method).append('\n');
    StringBuilder path = new StringBuilder();
    for (String segment : url.pathSegments()) {
      path.append('/').append(encode(segment));
    }
    canonical.append(path).append(path.toString().endsWith("/") ? "" : "/").append('\n');
    List<String> query = new ArrayList<>();
    for (int i = 0; i < url.querySize(); i++) {
      String v = url.queryParameterValue(i);
      query.add(encode(url.queryParameterName(i)) + "=" + (v == null ? "" : encode(v)));
    }
    Collections.sort(query);
    canonical.append(String.join("&", query)).append('\n');
    for (String name : names) {
      String value = headers.get(name);
      if (value == null) {
        return Result.INVALID;
      }
      canonical.append(name).append(':').append(value.trim()).append('\n');
    }
    canonical.append('\n').append(signedHeaders).append('\n').append(hex(sha256(body)));
    String toSign = "SDK-HMAC-SHA256\n" + date + "\n" + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    if (!MessageDigest.isEqual(hex(hmac(secretKey, toSign)).getBytes(StandardCharsets.UTF_8),
        signature.getBytes(StandardCharsets.UTF_8))) {
      return Result.INVALID;
    }
    Instant signedAt;
    try {
      signedAt = LocalDateTime.parse(date, SDK_DATE).toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return Result.INVALID;
    }
    return Duration.between(signedAt, now).abs().compareTo(LIMIT) > 0 ? Result.EXPIRED : Result.VALID;
  }

  private static String part(String authorization, String key) {
    int at = authorization.indexOf(key);
    if (at < 0) {
      return null;
    }
    int end = authorization.indexOf(',', at);
    return authorization.substring(at + key.length(), end < 0 ? authorization.length() : end).trim();
  }

  private static String encode(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append(String.format("%%%02X", c));
      }
    }
    return sb.toString();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }
}
