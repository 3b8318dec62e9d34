// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.auth;

import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.internal.HeaderValues;
import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.text.SafeText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Asks the instance metadata service for the temporary keys of the server's agency, as the official SDKs do:
 * a session token first ({@code PUT /meta-data/latest/api/token}; 404, 405 or 503 mean the service has none, and
 * the keys are asked without; tried again after a day), then {@code GET /openstack/latest/securitykey} with the
 * token. A 401 that is not the "no agency" answer fetches a new token and asks once more.
 *
 * <p>Everything is bounded: each request as a whole by the timeout (a machine without a metadata service gives
 * up within it, and a first request that gets no answer ends the attempt without a second), every answer by
 * size. No proxy (the service is local), no redirect, no retry on a new route. Plain http only to loopback and
 * link-local addresses. Not thread-safe: the cache above serialises fetches.
 */
public final class MetadataClient {
  /** The metadata service of Huawei Cloud (and Open Telekom Cloud) servers. */
  public static final URI DEFAULT_ENDPOINT = URI.create("http://169.254.169.254");
  /** The session token's life asked for: 6 hours, as the official SDKs ask. */
  static final String TOKEN_TTL_SECONDS = "21600";
  /** How long a service that answered the token request with 404, 405 or 503 is asked without one. */
  static final Duration TOKEN_RETRY_AFTER = Duration.ofDays(1);
  /** The text of the 401 that says the server has no agency: no token helps then. */
  static final String NO_AGENCY = "Please configure Cloud Service Agency first";
  /** A securitykey document is about 2 KiB; far more is not the metadata service. */
  static final long MAX_BODY_BYTES = 64 * 1024;
  /** A session token is well under 1 KiB. */
  static final long MAX_TOKEN_BYTES = 4096;
  /** Keys are renewed at least this often, whatever expiry a (broken or hostile) answer claims. */
  static final Duration MAX_LIFETIME = Duration.ofDays(1);

  private final HttpUrl base;
  private final Duration timeout;
  private final OkHttpClient http;
  private final Supplier<Instant> clock;
  private String token;
  private Instant lastTokenAttempt;

  /**
   * @param endpoint the service's address, checked by the caller (http only to a local address)
   * @param timeout the bound of each request as a whole
   * @param clock the time, for the token's retry and the keys' expiry
   */
  public MetadataClient(URI endpoint, Duration timeout, Supplier<Instant> clock) {
    String s = endpoint.toString();
    this.base = HttpUrl.get(s.endsWith("/") ? s : s + "/");
    this.timeout = timeout;
    this.clock = clock;
    this.http = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY)
        .dns("http".equals(base.scheme()) ? LocalOnlyDns.INSTANCE : Dns.SYSTEM)
        .connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout)
        .followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false)
        .connectionPool(new ConnectionPool(1, 1, TimeUnit.MINUTES)).build();
  }

  /** Returns where the service is, for messages. */
  public String where() {
    return "the instance metadata service at " + base.scheme() + "://" + hostPort();
  }

  private String hostPort() {
    String host = base.host().indexOf(':') >= 0 ? "[" + base.host() + "]" : base.host();
    return base.port() == HttpUrl.defaultPort(base.scheme()) ? host : host + ":" + base.port();
  }

  /**
   * Fetches the keys.
   *
   * @return the keys
   * @throws CredentialsException naming the step that failed and why, never a value
   */
  public TemporaryKeys fetch() {
    Instant now = clock.get();
    if (token == null && (lastTokenAttempt == null || !now.isBefore(lastTokenAttempt.plus(TOKEN_RETRY_AFTER)))) {
      lastTokenAttempt = now;
      token = newToken(true);
    }
    Answer a = securityKey();
    if (a.status == 401 && !a.body.contains(NO_AGENCY)) {
      lastTokenAttempt = clock.get();
      token = newToken(false);
      a = securityKey();
    }
    if (a.status == 401 && a.body.contains(NO_AGENCY)) {
      throw new CredentialsException(where() + " says this server has no agency (\"" + NO_AGENCY + "\"): give the "
          + "server an agency in the console, or configure other credentials", null);
    }
    if (a.status != 200) {
      throw new CredentialsException(where() + " answered GET /openstack/latest/securitykey with HTTP " + a.status
          + (a.status >= 300 && a.status < 400 ? " (a redirect, not followed)" : ""), null);
    }
    TemporaryKeys keys = MetadataDocument.parse(a.body);
    Instant cap = clock.get().plus(MAX_LIFETIME);
    return keys.expiresAt.isAfter(cap)
        ? new TemporaryKeys(keys.accessKey, keys.secretKey, keys.securityToken, cap) : keys;
  }

  /** The session token, or null when the service has none (only when {@code soft}). */
  private String newToken(boolean soft) {
    Request put = new Request.Builder().url(base.resolve("meta-data/latest/api/token"))
        .header("X-Metadata-Token-Ttl-Seconds", TOKEN_TTL_SECONDS).put(RequestBody.create(new byte[0])).build();
    Answer a = send(put, "PUT /meta-data/latest/api/token", MAX_TOKEN_BYTES);
    if (a.status == 200) {
      try {
        return HeaderValues.requireValid(a.body, "the answer of " + where() + " to PUT /meta-data/latest/api/token",
            "the metadata session token");
      } catch (IllegalArgumentException e) {
        throw new CredentialsException(e.getMessage(), null);
      }
    }
    if (soft && (a.status == 404 || a.status == 405 || a.status == 503)) {
      return null;
    }
    throw new CredentialsException(where() + " answered PUT /meta-data/latest/api/token with HTTP " + a.status
        + (soft ? "" : " after refusing the securitykey request (401)"), null);
  }

  private Answer securityKey() {
    Request.Builder get = new Request.Builder().url(base.resolve("openstack/latest/securitykey")).get();
    if (token != null) {
      get.header("X-Metadata-Token", token);
    }
    return send(get.build(), "GET /openstack/latest/securitykey", MAX_BODY_BYTES);
  }

  private Answer send(Request request, String what, long maxBytes) {
    try (Response response = http.newCall(request).execute()) {
      BufferedSource source = response.body().source();
      if (source.request(maxBytes + 1)) {
        throw new CredentialsException(where() + " answered " + what + " with more than " + maxBytes / 1024
            + " KiB; not read (is it the metadata service?)", null);
      }
      return new Answer(response.code(), source.readUtf8());
    } catch (IOException e) {
      throw new CredentialsException(where() + ": " + what + " " + failure(e), e);
    }
  }

  /** Says what went wrong in words a person reading the chain's report understands. */
  private String failure(IOException e) {
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return "could not connect (" + SafeText.capped(String.valueOf(e.getMessage()), 120) + ")";
    }
    if (e instanceof InterruptedIOException) {
      return "got no answer within " + DurationText.format(timeout);
    }
    return "failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
        : ": " + SafeText.capped(e.getMessage(), 120));
  }

  /** A status and the body read. */
  private static final class Answer {
    final int status;
    final String body;

    Answer(int status, String body) {
      this.status = status;
      this.body = body;
    }
  }
}
