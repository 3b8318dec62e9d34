// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.internal.HeaderValues;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.internal.ErrorDecoder;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains an IAM token with a user name and password ({@code POST /v3/auth/tokens}) and sends
 * it as {@code X-Auth-Token}. The token is cached and fetched again ahead of its expiry;
 * concurrent callers share one fetch; a 401 from the service makes it fetch a new one (tokens can
 * be revoked before they expire) and the call is sent once more.
 *
 * <p>Token requests never follow redirects: a 3xx from the IAM endpoint fails with a
 * {@link CredentialsException} naming the target's origin, so that the password is sent to no
 * server but the configured one. IAM's answer is read up to 64 KiB, and its
 * {@code X-Subject-Token} must be printable ASCII.
 *
 * <!-- src_embed javadoc.iam-password -->
 * <pre>
 * Credentials iam = IamPasswordCredentials.builder&#40;&#41;
 *     .iamEndpoint&#40;Region.of&#40;&quot;eu-de&quot;&#41;.iamEndpoint&#40;&#41;&#41;
 *     .domainName&#40;&quot;my-account&quot;&#41;
 *     .userName&#40;&quot;my-user&quot;&#41;
 *     .password&#40;password&#41;
 *     .projectId&#40;projectId&#41;
 *     .build&#40;&#41;;
 * </pre>
 * <!-- end javadoc.iam-password -->
 */
public final class IamPasswordCredentials implements Credentials {
  private static final Logger LOG = LoggerFactory.getLogger(IamPasswordCredentials.class);
  private static final MediaType JSON = MediaType.get("application/json;charset=utf-8");
  /** A token response without the catalog is a few KiB; far more is not IAM, and is not read into memory. */
  static final long MAX_RESPONSE_BYTES = 64 * 1024;
  /** Server text in a message is capped at this many characters. */

  private final HttpUrl tokenUrl;
  private final String userName;
  private final String password;
  private final String domainName;
  private final String projectName;
  private final String projectId;
  private final OkHttpClient httpClient;
  /** Whether the builder set the client: then {@link #withHttpClient} keeps it. */
  private final boolean explicitHttpClient;
  private final Clock clock;
  private final Duration refreshMargin;
  private final Object lock = new Object();
  private volatile CachedToken cached;

  private static final class CachedToken {
    final String token;
    final Instant expiresAt;

    CachedToken(String token, Instant expiresAt) {
      this.token = token;
      this.expiresAt = expiresAt;
    }
  }

  private IamPasswordCredentials(Builder b) {
    if (b.iamEndpoint == null) {
      throw new IllegalArgumentException("iamEndpoint must be set (for example Region.of(\"eu-de\").iamEndpoint())");
    }
    String scheme = String.valueOf(b.iamEndpoint.getScheme());
    if (!scheme.equals("https") && !(scheme.equals("http") && b.allowInsecureHttp)) {
      throw new IllegalArgumentException("iamEndpoint " + b.iamEndpoint + " must be https (http only with "
          + "allowInsecureHttp(true), for tests)");
    }
    HttpUrl base = HttpUrl.get(b.iamEndpoint.toString());
    this.tokenUrl = base.newBuilder().addPathSegments("v3/auth/tokens").addQueryParameter("nocatalog", "true").build();
    this.userName = text("userName", b.userName);
    this.password = text("password", b.password);
    this.domainName = text("domainName", b.domainName);
    if ((b.projectName == null) == (b.projectId == null)) {
      throw new IllegalArgumentException("set exactly one of projectName and projectId as the token's scope");
    }
    this.projectName = b.projectName;
    this.projectId = b.projectId;
    this.explicitHttpClient = b.httpClient != null;
    this.httpClient = withoutRedirects(b.httpClient != null ? b.httpClient.newBuilder() : new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)));
    this.clock = b.clock;
    this.refreshMargin = b.refreshMargin;
  }

  /** The same settings with another client; the token cache starts empty. */
  private IamPasswordCredentials(IamPasswordCredentials from, OkHttpClient httpClient) {
    this.tokenUrl = from.tokenUrl;
    this.userName = from.userName;
    this.password = from.password;
    this.domainName = from.domainName;
    this.projectName = from.projectName;
    this.projectId = from.projectId;
    this.explicitHttpClient = false;
    this.clock = from.clock;
    this.refreshMargin = from.refreshMargin;
    // The SDK client passes its HTTP client before adding its own authentication to it, so token
    // calls (authenticated by the password in their body) never ask these credentials for a token.
    this.httpClient = withoutRedirects(httpClient.newBuilder());
  }

  /**
   * A redirect would carry the password to another server (OkHttp resends a POST body on 307 and
   * 308, and to another host too); the token request must go to the configured endpoint or fail.
   */
  private static OkHttpClient withoutRedirects(OkHttpClient.Builder http) {
    return http.followRedirects(false).followSslRedirects(false).build();
  }

  private static String text(String name, String value) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Identity resolveIdentity() {
    return Identity.checkedToken(currentToken());
  }

  /**
   * Returns credentials that fetch tokens through the given client; the SDK client calls it with its
   * own HTTP client, so that token calls share its proxy, timeouts, TLS settings and connection pool.
   * When the builder set an {@link Builder#httpClient(OkHttpClient) httpClient}, that one is
   * kept and this object is returned. Otherwise the result fetches tokens through a client derived
   * from the given one, which follows no redirects and leaves out the SDK's authentication
   * interceptor if the client has one; it does not share this object's cached token.
   *
   * @param httpClient the client to derive the token client from
   * @return this object, or new credentials with the same settings and the given client
   */
  public IamPasswordCredentials withHttpClient(OkHttpClient httpClient) {
    Objects.requireNonNull(httpClient, "httpClient");
    return explicitHttpClient ? this : new IamPasswordCredentials(this, httpClient);
  }

  @Override
  public boolean refreshAfterRejection(Rejection rejection) {
    String sent = rejection.identity().token();
    synchronized (lock) {
      CachedToken c = cached;
      if (c != null && c.token.equals(sent)) {
        cached = null;
      }
    }
    return true;
  }

  /** Returns a valid token, fetching one when none is cached or the cached one is about to expire. */
  private String currentToken() {
    CachedToken c = cached;
    if (isFresh(c)) {
      return c.token;
    }
    synchronized (lock) {
      c = cached;
      if (isFresh(c)) {
        return c.token;
      }
      try {
        cached = c = fetch();
        return c.token;
      } catch (CredentialsException e) {
        // A renewal ahead of expiry that fails must not fail calls the current token still serves.
        if (c != null && clock.instant().isBefore(c.expiresAt)) {
          LOG.warn("renewing the IAM token failed; using the current one until it expires at {}: {}", c.expiresAt,
              e.getMessage());
          return c.token;
        }
        throw e;
      }
    }
  }

  private boolean isFresh(CachedToken c) {
    return c != null && clock.instant().isBefore(c.expiresAt.minus(refreshMargin));
  }

  private CachedToken fetch() {
    Request request = new Request.Builder().url(tokenUrl).post(RequestBody.create(body().toString(), JSON)).build();
    try (Response response = httpClient.newCall(request).execute()) {
      if (response.code() >= 300 && response.code() < 400) {
        throw new CredentialsException("IAM at " + tokenUrl.host() + " answered the token request with HTTP "
            + response.code() + ", a redirect " + redirectTarget(response) + "; token requests follow no redirect, so "
            + "that the password goes to no other server: set iamEndpoint to IAM's own address", null);
      }
      String text = readCapped(response.body());
      if (response.code() != 201 && response.code() != 200) {
        ServiceException error = ErrorDecoder.decode("", response.code(), null, null, text, clock.instant());
        String code = error.errorCode();
        String message = error.errorMessage();
        throw new CredentialsException("IAM refused the token request for user '" + userName + "' at " + tokenUrl.host()
            + ": HTTP " + response.code() + (code == null ? "" : " " + printable(code))
            + (message == null ? "" : ": " + printable(message)), null);
      }
      String token = response.header("X-Subject-Token");
      if (token == null || token.isEmpty()) {
        throw new CredentialsException("IAM answered HTTP " + response.code() + " without an X-Subject-Token header",
            null);
      }
      try {
        token = HeaderValues.requireValid(token, "the X-Subject-Token header of IAM's response", "the IAM token");
      } catch (IllegalArgumentException e) {
        throw new CredentialsException(e.getMessage(), e);
      }
      Instant expiresAt = expiresAt(text);
      LOG.debug("obtained an IAM token for user '{}', valid until {}", userName, expiresAt);
      return new CachedToken(token, expiresAt);
    } catch (IOException e) {
      throw new CredentialsException("the IAM token request to " + tokenUrl.host() + " failed: " + printable(
          String.valueOf(e)), e);
    }
  }

  /**
   * Names where a redirect points by origin only: the path and query could hold anything, and the
   * origin is what tells a user whether the endpoint is mistyped or the network intercepts.
   */
  private static String redirectTarget(Response response) {
    String location = response.header("Location");
    if (location == null) {
      return "without a Location header";
    }
    HttpUrl target = response.request().url().resolve(location);
    if (target == null) {
      return "to an unreadable Location";
    }
    String host = target.host().indexOf(':') >= 0 ? "[" + target.host() + "]" : target.host();
    return "to " + target.scheme() + "://" + host + ":" + target.port();
  }

  /** Reads the whole body, or fails when it exceeds {@link #MAX_RESPONSE_BYTES}, without buffering more than that. */
  private static String readCapped(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    BufferedSource source = body.source();
    if (source.request(MAX_RESPONSE_BYTES + 1)) {
      throw new CredentialsException("IAM's response to the token request is larger than " + MAX_RESPONSE_BYTES / 1024
          + " KiB; not reading it (is iamEndpoint IAM's address?)", null);
    }
    return source.readUtf8();
  }

  /** Makes server text safe to put in a message: control characters escaped, length capped. */
  static String printable(String text) {
    return SafeText.forMessage(text);
  }

  private Instant expiresAt(String body) {
    try {
      JsonObject token = com.google.gson.JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("token");
      return OffsetDateTime.parse(token.get("expires_at").getAsString()).toInstant();
    } catch (RuntimeException e) {
      throw new CredentialsException("IAM's token response has no readable token.expires_at", e);
    }
  }

  private JsonObject body() {
    JsonObject domain = new JsonObject();
    domain.addProperty("name", domainName);
    JsonObject user = new JsonObject();
    user.addProperty("name", userName);
    user.addProperty("password", password);
    user.add("domain", domain);
    JsonObject passwordMethod = new JsonObject();
    passwordMethod.add("user", user);
    JsonArray methods = new JsonArray();
    methods.add("password");
    JsonObject identity = new JsonObject();
    identity.add("methods", methods);
    identity.add("password", passwordMethod);
    JsonObject project = new JsonObject();
    if (projectId != null) {
      project.addProperty("id", projectId);
    } else {
      project.addProperty("name", projectName);
    }
    JsonObject scope = new JsonObject();
    scope.add("project", project);
    JsonObject auth = new JsonObject();
    auth.add("identity", identity);
    auth.add("scope", scope);
    JsonObject root = new JsonObject();
    root.add("auth", auth);
    return root;
  }

  @Override
  public String toString() {
    return "IamPasswordCredentials{iam=" + tokenUrl.host() + ", user=" + userName + ", domain=" + domainName
        + ", password=***}";
  }

  /** Configures {@link IamPasswordCredentials}. */
  public static final class Builder {
    private URI iamEndpoint;
    private String userName;
    private String password;
    private String domainName;
    private String projectName;
    private String projectId;
    private OkHttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Duration refreshMargin = Duration.ofMinutes(5);
    private boolean allowInsecureHttp;

    private Builder() {}

    /**
     * Sets {@code iamEndpoint}.
     *
     * @param iamEndpoint for example {@code https://iam.eu-de.otc.t-systems.com}
     * @return this builder
     */
    public Builder iamEndpoint(URI iamEndpoint) {
      this.iamEndpoint = Objects.requireNonNull(iamEndpoint, "iamEndpoint");
      return this;
    }

    /**
     * Sets {@code userName}.
     *
     * @param userName the IAM user
     * @return this builder
     */
    public Builder userName(String userName) {
      this.userName = userName;
      return this;
    }

    /**
     * Sets {@code password}.
     *
     * @param password the user's password; never logged or shown
     * @return this builder
     */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /**
     * Sets {@code domainName}.
     *
     * @param domainName the account (domain) the user belongs to
     * @return this builder
     */
    public Builder domainName(String domainName) {
      this.domainName = domainName;
      return this;
    }

    /**
     * Sets {@code projectName}.
     *
     * @param projectName the scope, usually the region id such as {@code eu-de}
     * @return this builder
     */
    public Builder projectName(String projectName) {
      this.projectName = projectName;
      return this;
    }

    /**
     * Sets {@code projectId}.
     *
     * @param projectId the scope as a project id
     * @return this builder
     */
    public Builder projectId(String projectId) {
      this.projectId = projectId;
      return this;
    }

    /**
     * Sets {@code httpClient}. Token calls use a client derived from it that follows no redirects;
     * {@link IamPasswordCredentials#withHttpClient(OkHttpClient)} then keeps it. Without one, token
     * calls use a client of their own, or one derived from the client given to {@code withHttpClient}.
     *
     * @param httpClient the client for IAM calls
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets {@code clock}.
     *
     * @param clock the time source of expiry checks
     * @return this builder
     */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets {@code refreshMargin}.
     *
     * @param margin how long before expiry the token is renewed (default 5 min)
     * @return this builder
     */
    public Builder refreshMargin(Duration margin) {
      Objects.requireNonNull(margin, "refreshMargin");
      if (margin.isNegative()) {
        throw new IllegalArgumentException("refreshMargin must not be negative, was " + margin);
      }
      this.refreshMargin = margin;
      return this;
    }

    /**
     * Sets {@code allowInsecureHttp}.
     *
     * @param allow whether an http IAM endpoint is accepted (tests only)
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * @return the credentials
     */
    public IamPasswordCredentials build() {
      return new IamPasswordCredentials(this);
    }
  }
}
