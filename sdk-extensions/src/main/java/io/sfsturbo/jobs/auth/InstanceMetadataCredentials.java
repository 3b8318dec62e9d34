// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.internal.auth.ExpiringCache;
import io.sfsturbo.jobs.internal.auth.MetadataClient;
import io.sfsturbo.jobs.internal.auth.TemporaryKeys;
import io.sfsturbo.jobs.internal.region.EndpointText;
import io.sfsturbo.jobs.time.TimeSource;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The temporary keys of a cloud server's agency, from the instance metadata service, as the official Huawei
 * Cloud SDKs read them: {@code GET /openstack/latest/securitykey} at {@code http://169.254.169.254} (after the
 * optional session token step), AK/SK signing with the security token. Last in the
 * {@link DefaultCredentialsChain default chain}.
 *
 * <p>The keys are cached and renewed ahead of their expiry ({@link Builder#refreshMargin}, default 40 minutes,
 * the official SDKs' threshold): one caller fetches while the others keep signing with the still-valid keys, and
 * a renewal that fails is tried again a minute later while the keys last. A 401 from the service fetches new
 * keys at once (at most once a minute). Each request to the metadata service is bounded as a whole by
 * {@link Builder#timeout} (default 1 s), so that a machine without one gives up in about a second.
 *
 * <p>The address is {@link Builder#endpoint(URI)}, else {@code SFSTURBO_METADATA_ENDPOINT}, else
 * {@code http://169.254.169.254}. Plain http goes only to a loopback or link-local address (a host name must
 * resolve to one); any other address needs https. No proxy is used.
 *
 * <!-- src_embed javadoc.instance-metadata -->
 * <pre>
 * Credentials agencyKeys = InstanceMetadataCredentials.create&#40;&#41;;   &#47;&#47; http:&#47;&#47;169.254.169.254
 * </pre>
 * <!-- end javadoc.instance-metadata -->
 */
public final class InstanceMetadataCredentials implements Credentials {
  /** The variable that moves the metadata service (tests, and clouds that put it elsewhere). */
  public static final String ENV_METADATA_ENDPOINT = "SFSTURBO_METADATA_ENDPOINT";
  /** The metadata service's default address. */
  public static final URI DEFAULT_ENDPOINT = MetadataClient.DEFAULT_ENDPOINT;
  /** The default bound of each request to the metadata service: 1 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
  /** The default time before expiry at which keys are renewed: 40 minutes, the official SDKs' threshold. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(40);

  private final URI endpoint;
  private final MetadataClient client;
  private final ExpiringCache<Identity> cache;

  private InstanceMetadataCredentials(Builder b) {
    String source = b.endpoint != null ? "InstanceMetadataCredentials endpoint" : ENV_METADATA_ENDPOINT;
    String given = b.endpoint != null ? b.endpoint.toString() : b.environment.variable(ENV_METADATA_ENDPOINT);
    URI uri = given == null ? DEFAULT_ENDPOINT : EndpointText.parse(given, source);
    if (given != null && EndpointText.isPlainHttp(uri) && !isLocalLiteralOrName(uri.getHost())) {
      throw new IllegalArgumentException(source + " uses plain http to an address that is neither loopback nor "
          + "link-local; the keys would cross the network unencrypted: use https, or a local address");
    }
    this.endpoint = uri;
    TimeSource time = b.timeSource;
    this.client = new MetadataClient(uri, b.timeout, time::now);
    this.cache = new ExpiringCache<>(this::fetch, time::now, b.refreshMargin,
        "the instance's temporary keys");
  }

  /**
   * A host that can be judged without a lookup: an IP literal must be loopback or link-local; a name is judged
   * when it is resolved (only its loopback and link-local addresses are used).
   */
  private static boolean isLocalLiteralOrName(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean literal = h.indexOf(':') >= 0 || h.matches("[0-9.]+");
    if (!literal) {
      return true;
    }
    try {
      InetAddress a = InetAddress.getByName(h);
      return a.isLoopbackAddress() || a.isLinkLocalAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /**
   * Returns credentials with the defaults: {@code SFSTURBO_METADATA_ENDPOINT} or {@code http://169.254.169.254},
   * 1 s per request, renewal 40 minutes before expiry, the system's time.
   *
   * @return the credentials; nothing is fetched until the first request
   * @throws IllegalArgumentException when {@code SFSTURBO_METADATA_ENDPOINT} is not a valid endpoint
   */
  public static InstanceMetadataCredentials create() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the metadata service's address. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Returns the keys, fetched on first use and renewed ahead of expiry.
   *
   * @throws CredentialsException when no valid keys are held and the metadata service does not give any
   */
  @Override
  public Identity resolveIdentity() {
    return cache.get();
  }

  /** Fetches now, for the chain, which must know at once whether this source has keys. */
  void fetchNow() {
    cache.get();
  }

  /** Returns when the keys held expire, or null before the first fetch. */
  public Instant expiresAt() {
    return cache.expiresAt();
  }

  private ExpiringCache.Fetched<Identity> fetch() {
    TemporaryKeys keys = client.fetch();
    return new ExpiringCache.Fetched<>(Identity.checkedAccessKey(keys.accessKey, keys.secretKey,
        keys.securityToken), keys.expiresAt);
  }

  /** Keys revoked before their expiry: fetches new ones (at most once a minute), and tries again if they differ. */
  @Override
  public boolean refreshAfterRejection(Rejection rejection) {
    Identity sent = rejection.identity();
    if (sent.isToken() || !cache.renewAfterRefusal(sent)) {
      return false;
    }
    // The same keys again would be refused again: then the refusal has another cause (a skewed clock, which the
    // client corrects when told that signing again with these keys cannot help).
    Identity held = cache.get();
    return !(held.accessKey().equals(sent.accessKey()) && held.secretKey().equals(sent.secretKey())
        && Objects.equals(held.securityToken(), sent.securityToken()));
  }

  /** Names the address; never a key. */
  @Override
  public String toString() {
    return "InstanceMetadataCredentials{endpoint=" + endpoint + '}';
  }

  /** Configures {@link InstanceMetadataCredentials}. */
  public static final class Builder {
    private URI endpoint;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private TimeSource timeSource = TimeSource.system();
    private Environment environment = Environment.system();

    private Builder() {}

    /**
     * Sets the metadata service's address. Default: {@code SFSTURBO_METADATA_ENDPOINT}, else
     * {@code http://169.254.169.254}.
     *
     * @param endpoint https, or http to a loopback or link-local address
     * @return this builder
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * Sets the bound of each request to the metadata service, connection to last byte (default 1 s).
     *
     * @param timeout from 1 ms to 1 minute
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Durations.requireBetween("timeout", timeout, Duration.ofMillis(1), Duration.ofMinutes(1),
          "one minute");
      return this;
    }

    /**
     * Sets how long before the keys expire they are renewed (default 40 minutes).
     *
     * @param margin from zero to one day
     * @return this builder
     */
    public Builder refreshMargin(Duration margin) {
      this.refreshMargin = Durations.requireBetween("refreshMargin", margin, Duration.ZERO, Duration.ofDays(1),
          "one day");
      return this;
    }

    /**
     * Sets the time that expiry is judged by (default {@link TimeSource#system()}); a client built without
     * credentials gives the chain its own.
     *
     * @param timeSource the time
     * @return this builder
     */
    public Builder timeSource(TimeSource timeSource) {
      this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
      return this;
    }

    /**
     * Sets where {@code SFSTURBO_METADATA_ENDPOINT} is read (default {@link Environment#system()}).
     *
     * @param environment the environment
     * @return this builder
     */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Returns the credentials; nothing is fetched until the first request.
     *
     * @return the credentials
     * @throws IllegalArgumentException when the address is not a valid endpoint, or plain http to an address
     *     that is neither loopback nor link-local
     */
    public InstanceMetadataCredentials build() {
      return new InstanceMetadataCredentials(this);
    }
  }
}
