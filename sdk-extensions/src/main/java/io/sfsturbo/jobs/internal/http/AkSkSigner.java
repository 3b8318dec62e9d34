// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;

/**
 * The API gateway's {@code SDK-HMAC-SHA256} signature, step by step, so that each step can be
 * tested on its own: canonical request, string to sign, signature.
 */
public final class AkSkSigner {
  /** The algorithm name, first word of the Authorization header and of the string to sign. */
  public static final String ALGORITHM = "SDK-HMAC-SHA256";
  /** The format of {@code X-Sdk-Date}. */
  public static final DateTimeFormatter SDK_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  });
  /** The hash of an empty body (every GET), computed once. */
  private static final String EMPTY_BODY_SHA256 = hex(sha256(new byte[0]));

  private AkSkSigner() {}

  /**
   * Signs a request.
   *
   * @param request the request, with {@code X-Project-Id} and {@code X-Security-Token} already set when used
   * @param accessKey the AK
   * @param secretKey the SK
   * @param now the signing time
   * @return the request with {@code X-Sdk-Date} and {@code Authorization}
   */
  public static Request sign(Request request, String accessKey, String secretKey, Instant now) {
    return sign(request, accessKey, hmacFor(secretKey), now);
  }

  /**
   * Signs a request with a ready HMAC (keyed by the SK), so that callers can keep one per thread.
   *
   * @param request the request
   * @param accessKey the AK
   * @param hmac an HmacSHA256 initialised with the SK
   * @param now the signing time
   * @return the request with {@code X-Sdk-Date} and {@code Authorization}
   */
  public static Request sign(Request request, String accessKey, Mac hmac, Instant now) {
    return sign(request, accessKey, hmac, SDK_DATE.format(now));
  }

  /**
   * Signs a request at a time already formatted as {@link #SDK_DATE}: callers that sign often keep a {@link SdkDates}.
   *
   * @param request the request
   * @param accessKey the AK
   * @param hmac an HmacSHA256 initialised with the SK
   * @param sdkDate the signing time, formatted
   * @return the request with {@code X-Sdk-Date} and {@code Authorization}
   */
  public static Request sign(Request request, String accessKey, Mac hmac, String sdkDate) {
    StringBuilder signedHeaders = new StringBuilder(64);
    String canonical = canonicalRequest(request, sdkDate, signedHeaders);
    String signature = hex(hmac.doFinal(stringToSign(sdkDate, canonical).getBytes(StandardCharsets.UTF_8)));
    return request.newBuilder().header("X-Sdk-Date", sdkDate).header("Authorization", ALGORITHM + " Access="
        + accessKey + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature).build();
  }

  /**
   * Returns an HmacSHA256 keyed by the SK.
   *
   * @param secretKey the SK
   * @return the initialised MAC
   */
  public static Mac hmacFor(String secretKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * Returns the canonical request of a request that already carries {@code X-Sdk-Date}.
   *
   * @param request the request
   * @return the canonical request text
   */
  public static String canonicalRequest(Request request) {
    return canonicalRequest(request, request.header("X-Sdk-Date"), new StringBuilder());
  }

  /**
   * The canonical request; the signed header names (lower case, sorted, {@code ;}-separated) are
   * appended to {@code signedHeaders}. The headers that can be signed are a fixed set, so they are
   * written in their sorted order rather than sorted at every call.
   */
  private static String canonicalRequest(Request request, String sdkDate, StringBuilder signedHeaders) {
    HttpUrl url = request.url();
    StringBuilder sb = new StringBuilder(320);
    sb.append(request.method()).append('\n');
    sb.append(canonicalUri(url)).append('\n');
    sb.append(canonicalQuery(url)).append('\n');
    // Sorted: content-type < host < x-project-id < x-sdk-date < x-security-token.
    header(sb, signedHeaders, "content-type", request.header("Content-Type"));
    header(sb, signedHeaders, "host", host(url));
    header(sb, signedHeaders, "x-project-id", request.header("X-Project-Id"));
    header(sb, signedHeaders, "x-sdk-date", sdkDate);
    header(sb, signedHeaders, "x-security-token", request.header("X-Security-Token"));
    sb.append('\n');
    sb.append(signedHeaders).append('\n');
    sb.append(request.body() == null ? EMPTY_BODY_SHA256 : hex(sha256(body(request))));
    return sb.toString();
  }

  private static void header(StringBuilder canonical, StringBuilder signedHeaders, String name, String value) {
    if (value == null) {
      return;
    }
    canonical.append(name).append(':').append(value.trim()).append('\n');
    if (signedHeaders.length() > 0) {
      signedHeaders.append(';');
    }
    signedHeaders.append(name);
  }

  /** The Host header's value as derived from the URL: the port only when not the scheme's default. */
  private static String host(HttpUrl url) {
    String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }

  /** Each decoded path segment encoded again the gateway's way, always ending in {@code /}. */
  static String canonicalUri(HttpUrl url) {
    StringBuilder sb = new StringBuilder();
    for (String segment : url.pathSegments()) {
      sb.append('/').append(encode(segment));
    }
    String path = sb.toString();
    return path.endsWith("/") ? path : path + "/";
  }

  static String canonicalQuery(HttpUrl url) {
    if (url.querySize() == 0) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      pairs.add(encode(url.queryParameterName(i)) + "=" + (value == null ? "" : encode(value)));
    }
    java.util.Collections.sort(pairs);
    return String.join("&", pairs);
  }

  /** RFC 3986 encoding: unreserved characters kept, everything else as upper-case %XX of UTF-8. */
  static String encode(String text) {
    if (isUnreserved(text)) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        sb.append(c);
      } else {
        sb.append('%').append(Character.toUpperCase(HEX[(b >> 4) & 0xf])).append(Character.toUpperCase(HEX[b & 0xf]));
      }
    }
    return sb.toString();
  }

  private static boolean isUnreserved(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~')) {
        return false;
      }
    }
    return true;
  }

  static String stringToSign(String sdkDate, String canonicalRequest) {
    return ALGORITHM + "\n" + sdkDate + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] body(Request request) {
    if (request.body() == null) {
      return new byte[0];
    }
    try (Buffer buffer = new Buffer()) {
      request.body().writeTo(buffer);
      return buffer.readByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("could not read the request body to sign it", e);
    }
  }

  static byte[] sha256(byte[] data) {
    return SHA256.get().digest(data);
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
