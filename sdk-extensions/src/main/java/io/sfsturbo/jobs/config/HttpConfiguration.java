// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.config;

import io.sfsturbo.jobs.internal.Durations;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * How a client talks HTTP: connect and read timeouts, the most bytes of a response it reads, a proxy,
 * the certificate authorities it trusts, a User-Agent suffix, whether a plain {@code http} endpoint on a
 * loopback address is allowed, and an application's own {@code OkHttpClient} to share (the name is that of Huawei Cloud's official SDKs, {@code HttpConfig}).
 * An immutable value; unset fields take the defaults below.
 *
 * <pre>{@code
 * SfsTurboJobsClient.builder().httpConfiguration(h -> h.connectTimeout(Duration.ofSeconds(3)))
 * }</pre>
 */
public final class HttpConfiguration {
  /** The default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The default read timeout (the most time between two bytes): 30 s. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /**
   * The default limit of a response body, after decompression: 4 MiB, about 16 000 sub-jobs; a real job
   * document is a few hundred bytes.
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

  private static final HttpConfiguration DEFAULTS = new Builder().build();

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final long maxResponseBytes;
  private final ProxyConfiguration proxy;
  private final CaBundle caBundle;
  private final String userAgentSuffix;
  private final boolean allowInsecureHttp;
  private final OkHttpClient httpClient;

  private HttpConfiguration(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.proxy = b.proxy;
    this.caBundle = b.caBundle;
    this.userAgentSuffix = b.userAgentSuffix;
    this.allowInsecureHttp = b.allowInsecureHttp;
    this.httpClient = b.httpClient;
  }

  /**
   * Returns the defaults.
   *
   * @return the defaults
   */
  public static HttpConfiguration defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.maxResponseBytes = maxResponseBytes;
    b.proxy = proxy;
    b.caBundle = caBundle;
    b.userAgentSuffix = userAgentSuffix;
    b.allowInsecureHttp = allowInsecureHttp;
    b.httpClient = httpClient;
    return b;
  }

  /**
   * Returns the connect timeout; an application's {@code OkHttpClient} keeps its own unless this is set.
   *
   * @return the timeout, or null for the default (10 s, or the shared client's)
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Returns the read timeout; an application's {@code OkHttpClient} keeps its own unless this is set.
   *
   * @return the timeout, or null for the default (30 s, or the shared client's)
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * Returns the most bytes of a response body that are read, after decompression.
   *
   * @return the limit
   */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Returns how requests reach the service: the JVM's proxy selector (the default), direct, the environment's
   * proxy or a given one.
   *
   * @return the proxy configuration
   */
  public ProxyConfiguration proxy() {
    return proxy;
  }

  /**
   * Returns the certificate authorities trusted instead of the JVM's.
   *
   * @return the bundle, or null: {@code SFSTURBO_CA_BUNDLE} when the environment sets it, else the JVM's roots
   */
  public CaBundle caBundle() {
    return caBundle;
  }

  /**
   * Returns the text appended to the User-Agent.
   *
   * @return the suffix, or null for none
   */
  public String userAgentSuffix() {
    return userAgentSuffix;
  }

  /**
   * Returns whether a plain {@code http} endpoint is allowed.
   *
   * @return whether it is
   */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /**
   * Returns the application's client the SDK builds on.
   *
   * @return the client, or null when the SDK makes its own
   */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HttpConfiguration)) {
      return false;
    }
    HttpConfiguration h = (HttpConfiguration) o;
    return Objects.equals(connectTimeout, h.connectTimeout) && Objects.equals(readTimeout, h.readTimeout)
        && maxResponseBytes == h.maxResponseBytes && proxy.equals(h.proxy) && Objects.equals(caBundle, h.caBundle)
        && Objects.equals(userAgentSuffix, h.userAgentSuffix) && allowInsecureHttp == h.allowInsecureHttp
        && httpClient == h.httpClient;
  }

  @Override
  public int hashCode() {
    return Objects.hash(connectTimeout, readTimeout, maxResponseBytes, proxy, caBundle, userAgentSuffix, allowInsecureHttp,
        System.identityHashCode(httpClient));
  }

  @Override
  public String toString() {
    return "HttpConfiguration{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", maxResponseBytes=" + maxResponseBytes + ", proxy=" + proxy + ", caBundle=" + caBundle
        + ", userAgentSuffix=" + userAgentSuffix + ", allowInsecureHttp=" + allowInsecureHttp + ", httpClient="
        + (httpClient == null ? "own" : "shared") + '}';
  }

  /** Builds an {@link HttpConfiguration}. */
  public static final class Builder {
    private Duration connectTimeout;
    private Duration readTimeout;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private ProxyConfiguration proxy = ProxyConfiguration.jvmDefault();
    private CaBundle caBundle;
    private String userAgentSuffix;
    private boolean allowInsecureHttp;
    private OkHttpClient httpClient;

    private Builder() {}

    /**
     * Sets the connect timeout (default 10 s).
     *
     * @param timeout positive, at most one day
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = bounded("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the read timeout, the most time between two bytes (default 30 s); the attempt timeout bounds
     * an attempt as a whole.
     *
     * @param timeout positive, at most one day
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = bounded("readTimeout", timeout);
      return this;
    }

    /**
     * Sets the most bytes of a response body that are read, counted after decompression; a larger body
     * is a {@code ResponseDecodingException} and is not read further. Default 4 MiB.
     *
     * @param bytes between 1024 and {@code Integer.MAX_VALUE - 1}
     * @return this builder
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1024 || bytes > Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException("maxResponseBytes must be between 1024 and " + (Integer.MAX_VALUE - 1)
            + ", was " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Sets how requests reach the service (default {@link ProxyConfiguration#jvmDefault()}): directly
     * ({@link ProxyConfiguration#none()}), through the proxy the environment names
     * ({@link ProxyConfiguration#fromEnvironment()}), or through a given HTTP proxy, whose credentials answer its
     * {@code 407} only. Replaces an application client's proxy. A plain http endpoint is always reached directly.
     *
     * @param proxy the proxy configuration
     * @return this builder
     */
    public Builder proxy(ProxyConfiguration proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /**
     * Trusts these certificate authorities instead of the JVM's (default: {@code SFSTURBO_CA_BUNDLE} when the
     * client's environment sets it and the SDK makes its own HTTP client, else the JVM's). There is no option
     * that turns certificate checks off.
     *
     * @param bundle the bundle, read with {@link CaBundle#fromPemFile(java.nio.file.Path)}
     * @return this builder
     */
    public Builder caBundle(CaBundle bundle) {
      this.caBundle = Objects.requireNonNull(bundle, "bundle");
      return this;
    }

    /**
     * Appends text to the User-Agent header, to tell an application's calls apart. Default: none.
     *
     * @param suffix printable ASCII
     * @return this builder
     * @throws IllegalArgumentException for any other character (the message names its index)
     */
    public Builder userAgentSuffix(String suffix) {
      Objects.requireNonNull(suffix, "suffix");
      for (int i = 0; i < suffix.length(); i++) {
        char c = suffix.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException("userAgentSuffix must be printable ASCII; character at index " + i
              + " is U+" + String.format("%04X", (int) c));
        }
      }
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Allows a plain {@code http://} endpoint on a loopback address (default false): for the emulator and
     * tests only. Confined to {@code localhost}, 127.0.0.0/8 and {@code ::1} (the client's build refuses any
     * other host, and each connection is checked to end on this machine, never through a proxy), since
     * credentials then travel unencrypted.
     *
     * @param allow whether http is allowed
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Builds on an application's {@code OkHttpClient}, so that many clients share its connection pool
     * and dispatcher. Its settings stay unless this configuration sets timeouts, a proxy or a CA bundle; the SDK adds
     * its interceptors to a derived client and never shuts the given one down. A deliberate extension
     * point: the one place where a transport type is part of the SDK's API.
     *
     * @param httpClient the client to share
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @return a new immutable value
     */
    public HttpConfiguration build() {
      return new HttpConfiguration(this);
    }

    private static Duration bounded(String name, Duration d) {
      return Durations.requireBetween(name, d, Duration.ofNanos(1), Duration.ofDays(1), "one day");
    }
  }
}
