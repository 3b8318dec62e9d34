// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.internal.http.ErrorDecoder;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains an IAM token with a user name and password ({@code POST /v3/auth/tokens}) and sends
 * it as {@code X-Auth-Token}. The token is cached and fetched again ahead of its expiry;
 * concurrent callers share one fetch; a 401 from the service makes it fetch a new one (tokens can
 * be revoked before they expire) and the call is sent once more.
 */
public final class IamPasswordCredentials implements Credentials {
  private static final Logger LOG = LoggerFactory.getLogger(IamPasswordCredentials.class);
  private static final MediaType JSON = MediaType.get("application/json;charset=utf-8");

  private final HttpUrl tokenUrl;
  private final String userName;
  private final String password;
  private final String domainName;
  private final String projectName;
  private final String projectId;
  private final OkHttpClient httpClient;
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
    this.httpClient = b.httpClient != null ? b.httpClient : new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).build();
    this.clock = b.clock;
    this.refreshMargin = b.refreshMargin;
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
  public Request authenticate(Request request) {
    return request.newBuilder().header("X-Auth-Token", currentToken()).build();
  }

  @Override
  public boolean refreshAfterRejection(Response rejected) {
    String sent = rejected.request().header("X-Auth-Token");
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
      ResponseBody rb = response.body();
      String text = rb == null ? "" : rb.string();
      if (response.code() != 201 && response.code() != 200) {
        ServiceException error = ErrorDecoder.decode("", response.code(), null, null, text, clock.instant());
        String code = error.errorCode();
        String message = error.errorMessage();
        throw new CredentialsException("IAM refused the token request for user '" + userName + "' at " + tokenUrl.host()
            + ": HTTP " + response.code() + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message),
            null);
      }
      String token = response.header("X-Subject-Token");
      if (token == null || token.isEmpty()) {
        throw new CredentialsException("IAM answered HTTP " + response.code() + " without an X-Subject-Token header",
            null);
      }
      Instant expiresAt = expiresAt(text);
      LOG.debug("obtained an IAM token for user '{}', valid until {}", userName, expiresAt);
      return new CachedToken(token, expiresAt);
    } catch (IOException e) {
      throw new CredentialsException("the IAM token request to " + tokenUrl.host() + " failed: " + e, e);
    }
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
     * Sets {@code httpClient}.
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
    public Builder clock(Clock clock) {
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
