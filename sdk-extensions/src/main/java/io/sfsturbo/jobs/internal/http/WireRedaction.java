// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.text.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * What the wire log may show of a header, a URL or a body. A header whose name speaks of credentials
 * (Authorization, X-Auth-Token, X-Security-Token, X-Subject-Token, Proxy-Authorization, Cookie, Set-Cookie,
 * any name with auth, token, secret, password, signature, credential, cookie, session or key) shows only its
 * scheme word ({@code Bearer}, {@code SDK-HMAC-SHA256}); a URL's query values are hidden (a signature or a token
 * may ride there, as in a redirect's {@code Location}); whatever the server sends back has the request's
 * secrets cut out (a proxy's or a gateway's error page may echo them); everything is escaped with
 * {@link SafeText} and capped.
 */
final class WireRedaction {
  static final String REDACTED = "[redacted]";
  /** The most characters of one header value shown. */
  static final int VALUE_LIMIT = 512;
  private static final Pattern SECRET_NAME = Pattern.compile(
      ".*(auth|token|secret|passw|signature|credential|cookie|session|key).*");
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9-]{0,31}) .*", Pattern.DOTALL);
  /** Shorter pieces of a secret header (a header name, {@code Access}) say nothing and would cut harmless text. */
  private static final int MIN_PIECE = 8;

  private WireRedaction() {}

  static boolean isSecretHeader(String name) {
    return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  /** The values of the request's secret headers, whole and in pieces: cut out of anything the server sends back. */
  static List<String> secretsOf(Headers request) {
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < request.size(); i++) {
      if (isSecretHeader(request.name(i))) {
        String value = request.value(i);
        if (value.length() >= MIN_PIECE) {
          secrets.add(value);
        }
        for (String piece : value.split("[\\s,;=:\"]+")) {
          if (piece.length() >= MIN_PIECE) {
            secrets.add(piece);
          }
        }
      }
    }
    return secrets;
  }

  /** One header line's value as shown. */
  static String value(String name, String value, List<String> secrets) {
    if (isSecretHeader(name)) {
      java.util.regex.Matcher scheme = SCHEME.matcher(value);
      return scheme.matches() ? scheme.group(1) + " " + REDACTED : REDACTED;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    String shown = lower.equals("location") || lower.equals("content-location") ? withoutQuery(value) : value;
    return SafeText.capped(scrub(shown, secrets), VALUE_LIMIT);
  }

  /** A URL with its query values hidden. */
  static String url(HttpUrl url) {
    if (url.querySize() == 0) {
      return SafeText.capped(url.toString(), VALUE_LIMIT);
    }
    HttpUrl.Builder b = url.newBuilder().query(null);
    for (int i = 0; i < url.querySize(); i++) {
      b.addQueryParameter(url.queryParameterName(i), url.queryParameterValue(i) == null ? null : REDACTED);
    }
    return SafeText.capped(b.build().toString(), VALUE_LIMIT);
  }

  private static String withoutQuery(String location) {
    int q = location.indexOf('?');
    return q < 0 ? location : location.substring(0, q) + "?" + REDACTED;
  }

  /** Text with every secret cut out. */
  static String scrub(String text, List<String> secrets) {
    String t = text;
    for (String secret : secrets) {
      if (t.contains(secret)) {
        t = t.replace(secret, REDACTED);
      }
    }
    return t;
  }
}
