// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.internal.auth.ExpiringCache;
import io.sfsturbo.jobs.internal.auth.IamEndpoints;
import io.sfsturbo.jobs.internal.auth.IamTokenRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains an IAM token with a user name and password ({@code POST /v3/auth/tokens}) and sends
 * it as {@code X-Auth-Token}. The token is cached and fetched again ahead of its expiry by one caller while
 * the others keep sending the current one; concurrent callers without a valid token share one fetch; a 401
 * from the service makes it fetch a new one (tokens can be revoked before they expire) and the call is sent
 * once more.
 *
 * <p>IAM's endpoint need not be set: without {@link Builder#iamEndpoint(URI)}, it is found as the official SDKs
 * find it: {@code HUAWEICLOUD_SDK_IAM_ENDPOINT}, then the IAM endpoint of the region (the client's, or the
 * scope's project name such as {@code eu-de}), then IAM's global endpoint. Without a scope, a client uses its
 * region's project ({@code projectName} = the region id).
 *
 * <p>Token requests never follow redirects: a 3xx from the IAM endpoint fails with a
 * {@link CredentialsException} naming the target's origin, so that the password is sent to no
 * server but the configured one. IAM's answer is read up to 64 KiB, and its
 * {@code X-Subject-Token} must be printable ASCII.
 *
 * <!-- src_embed javadoc.iam-password -->
 * <pre>
 * Credentials iam = IamPasswordCredentials.builder&#40;&#41;   &#47;&#47; IAM endpoint and scope: the client's region
 *     .domainName&#40;&quot;my-account&quot;&#41;
 *     .userName&#40;&quot;my-user&quot;&#41;
 *     .password&#40;password&#41;
 *     .build&#40;&#41;;
 * </pre>
 * <!-- end javadoc.iam-password -->
 */
public final class IamPasswordCredentials implements Credentials {
  private static final Logger LOG = LoggerFactory.getLogger(IamPasswordCredentials.class);

  private final Builder settings;
  /** What a client completed, kept by {@link #withHttpClient}. */
  private final URI clientIamEndpoint;
  private final String regionId;
  private final boolean clientAllowsHttp;
  private final URI iamEndpoint;
  private final IamTokenRequest request;
  private final ExpiringCache<String> cache;

  private IamPasswordCredentials(Builder b, URI clientIamEndpoint, String regionId, boolean clientAllowsHttp,
      OkHttpClient clientHttp) {
    this.settings = b.copy();
    this.clientIamEndpoint = clientIamEndpoint;
    this.regionId = regionId;
    this.clientAllowsHttp = clientAllowsHttp;
    text("userName", b.userName);
    text("password", b.password);
    text("domainName", b.domainName);
    if (b.projectName != null && b.projectId != null) {
      throw new IllegalArgumentException("set at most one of projectName and projectId as the token's scope");
    }
    String projectName = b.projectName == null && b.projectId == null ? regionId : b.projectName;
    if (b.iamEndpoint != null) {
      this.iamEndpoint = b.iamEndpoint;
    } else if (clientIamEndpoint != null) {
      this.iamEndpoint = clientIamEndpoint;
    } else {
      this.iamEndpoint = IamEndpoints.resolve(null, null, b.environment, projectName).endpoint;
    }
    String scheme = String.valueOf(iamEndpoint.getScheme());
    boolean httpAllowed = b.allowInsecureHttp || (clientAllowsHttp && b.iamEndpoint == null);
    if (!scheme.equals("https") && !(scheme.equals("http") && httpAllowed)) {
      throw new IllegalArgumentException("iamEndpoint " + iamEndpoint + " must be https (http only with "
          + "allowInsecureHttp(true), for tests)");
    }
    HttpUrl base = HttpUrl.get(iamEndpoint.toString());
    OkHttpClient http = b.httpClient != null ? b.httpClient : clientHttp != null ? clientHttp
        : new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).build();
    // A redirect would carry the password to another server (OkHttp resends a POST body on 307 and 308, and to
    // another host too); the token request must go to the configured endpoint or fail.
    OkHttpClient noRedirects = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    Clock clock = b.clock;
    this.request = projectName == null && b.projectId == null ? null : new IamTokenRequest(base,
        new IamTokenRequest.Identity(b.userName, b.password, b.domainName, projectName, b.projectId), noRedirects,
        clock::instant);
    this.cache = new ExpiringCache<>(this::fetch, clock::instant, b.refreshMargin, "the IAM token");
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
    return Identity.checkedToken(cache.get());
  }

  private ExpiringCache.Fetched<String> fetch() {
    if (request == null) {
      throw new CredentialsException("IamPasswordCredentials has no scope: set projectName (usually the region id, "
          + "such as eu-de) or projectId, or use them in a client built with a region", null);
    }
    ExpiringCache.Fetched<String> token = request.fetch();
    LOG.debug("obtained an IAM token for user '{}' from {}", settings.userName, request.host());
    return token;
  }

  /** Returns IAM's endpoint: the one set, else the one found (see the class comment). */
  public URI iamEndpoint() {
    return iamEndpoint;
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
    return settings.httpClient != null ? this : new IamPasswordCredentials(settings, clientIamEndpoint, regionId,
        clientAllowsHttp, httpClient);
  }

  /**
   * Returns these credentials completed with a client's settings, as a client does when it is built with them:
   * without a scope, the token is scoped to the region's project ({@code projectName} = the region id); without
   * an IAM endpoint set on the builder, the one the client found is used (the client reads
   * {@code HUAWEICLOUD_SDK_IAM_ENDPOINT} from its own environment, then takes its region's IAM endpoint).
   * The result does not share this object's cached token; the client then gives it its HTTP client with
   * {@link #withHttpClient(OkHttpClient)}.
   *
   * @param regionId the client's region id, or null
   * @param iamEndpoint IAM's endpoint as the client found it, or null
   * @param allowInsecureHttp whether the client allows plain http (then a found http endpoint is accepted)
   * @return new credentials
   */
  public IamPasswordCredentials withClientDefaults(String regionId, URI iamEndpoint, boolean allowInsecureHttp) {
    return new IamPasswordCredentials(settings, iamEndpoint, regionId, allowInsecureHttp, null);
  }

  @Override
  public boolean refreshAfterRejection(Rejection rejection) {
    String sent = rejection.identity().token();
    if (sent != null) {
      cache.invalidate(sent);
    }
    return true;
  }

  @Override
  public String toString() {
    return "IamPasswordCredentials{iam=" + iamEndpoint.getHost() + ", user=" + settings.userName + ", domain="
        + settings.domainName + ", password=***}";
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
    private Environment environment = Environment.system();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.iamEndpoint = iamEndpoint;
      b.userName = userName;
      b.password = password;
      b.domainName = domainName;
      b.projectName = projectName;
      b.projectId = projectId;
      b.httpClient = httpClient;
      b.clock = clock;
      b.refreshMargin = refreshMargin;
      b.allowInsecureHttp = allowInsecureHttp;
      b.environment = environment;
      return b;
    }

    /**
     * Sets where {@code HUAWEICLOUD_SDK_IAM_ENDPOINT} is read when no IAM endpoint is set. Default
     * {@link Environment#system()}; a client uses its own environment instead.
     *
     * @param environment the environment
     * @return this builder
     */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Sets {@code iamEndpoint}. Optional: see the class comment for where IAM is found without it.
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
     * @param projectName the scope, usually the region id such as {@code eu-de}; without a scope, a client
     *     scopes the token to its region
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
     * Returns the credentials.
     *
     * @return the credentials
     * @throws IllegalArgumentException when a user, password or domain is missing, both a project name and id
     *     are set, or IAM's endpoint (set or found) is plain http without {@code allowInsecureHttp(true)}
     */
    public IamPasswordCredentials build() {
      return new IamPasswordCredentials(this, null, null, false, null);
    }
  }
}
