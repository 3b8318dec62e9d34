// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.config;

import io.sfsturbo.jobs.internal.ProxyUrl;
import java.util.Objects;

/**
 * How a client reaches the service: through the JVM's proxy selector (the default, as Huawei Cloud's official
 * Java SDK), directly, through the proxy the environment names ({@code HTTPS_PROXY}... read as curl reads
 * them), or through a given HTTP proxy. An HTTP proxy carries HTTPS through a {@code CONNECT} tunnel: it sees
 * the host and port, never the requests, the service's credentials or the answers. Its own user and password
 * answer its {@code 407} challenge (Basic) and are sent to it only. Plain http (allowed only to a loopback
 * address) never goes through a proxy. An immutable value; its {@code toString()} never shows the password.
 *
 * <pre>{@code
 * ProxyConfiguration proxy = ProxyConfiguration.builder().host("proxy.example.com").port(3128)
 *     .username("alice").password(System.getenv("PROXY_PASSWORD")).build();
 * SfsTurboJobsClient.builder().httpConfiguration(h -> h.proxy(proxy));
 * }</pre>
 */
public final class ProxyConfiguration {
  /** Where the proxy comes from. */
  public enum Kind {
    /** The JVM's {@code ProxySelector} (the {@code https.proxyHost} system properties, by default). */
    JVM_DEFAULT,
    /** No proxy: every connection is direct. */
    NONE,
    /** The environment the client reads: {@code https_proxy}, {@code HTTPS_PROXY}, {@code all_proxy}, {@code ALL_PROXY}, and {@code NO_PROXY}. */
    ENVIRONMENT,
    /** A given HTTP proxy. */
    HTTP
  }

  private static final ProxyConfiguration JVM_DEFAULT = new ProxyConfiguration(Kind.JVM_DEFAULT, null);
  private static final ProxyConfiguration NONE = new ProxyConfiguration(Kind.NONE, null);
  private static final ProxyConfiguration ENVIRONMENT = new ProxyConfiguration(Kind.ENVIRONMENT, null);

  private final Kind kind;
  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final String nonProxyHosts;

  private ProxyConfiguration(Kind kind, Builder b) {
    this.kind = kind;
    this.host = b == null ? null : b.host;
    this.port = b == null ? 0 : b.port;
    this.username = b == null ? null : b.username;
    this.password = b == null ? null : b.password;
    this.nonProxyHosts = b == null ? null : b.nonProxyHosts;
  }

  /**
   * Returns the default: the JVM's proxy selector decides.
   *
   * @return the JVM's proxy selector
   */
  public static ProxyConfiguration jvmDefault() {
    return JVM_DEFAULT;
  }

  /**
   * Returns direct connections, whatever the JVM or the environment say.
   *
   * @return no proxy
   */
  public static ProxyConfiguration none() {
    return NONE;
  }

  /**
   * Returns the proxy the client's {@link Environment} names when the client is built, as curl reads it: for
   * https, {@code https_proxy}, then {@code HTTPS_PROXY}, then {@code all_proxy}, then {@code ALL_PROXY};
   * hosts that {@code no_proxy} (or else {@code NO_PROXY}) lists are reached directly; none set: direct. A
   * value that is not an http proxy URL fails the client's build, naming the variable.
   *
   * @return the environment's proxy
   */
  public static ProxyConfiguration fromEnvironment() {
    return ENVIRONMENT;
  }

  /**
   * Returns a builder of an HTTP proxy.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses a proxy URL as curl takes it: {@code [http://][user[:password]@]host[:port][/]}; user and password
   * percent-decoded; port 1080 when not given (curl's default).
   *
   * @param url the URL
   * @param source what carried it (a variable or flag, such as {@code HTTPS_PROXY}), named in messages
   * @return the proxy
   * @throws IllegalArgumentException naming the source and what is wrong, never the URL (it may hold a password)
   */
  public static ProxyConfiguration parse(String url, String source) {
    Objects.requireNonNull(source, "source");
    ProxyUrl parsed = ProxyUrl.parse(url, source);
    Builder b = builder().host(parsed.host).port(parsed.port);
    try {
      if (parsed.username != null) {
        b.username(parsed.username);
      }
      if (parsed.password != null) {
        b.password(parsed.password);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), null);
    }
  }

  /**
   * Returns where the proxy comes from.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the proxy's host.
   *
   * @return the host of an {@link Kind#HTTP HTTP} proxy, else null
   */
  public String host() {
    return host;
  }

  /**
   * Returns the proxy's port.
   *
   * @return the port of an {@link Kind#HTTP HTTP} proxy, else 0
   */
  public int port() {
    return port;
  }

  /**
   * Returns the user that answers the proxy's {@code 407}.
   *
   * @return the user, or null for none
   */
  public String username() {
    return username;
  }

  /**
   * Returns the password that answers the proxy's {@code 407}: a secret, sent to the proxy only.
   *
   * @return the password, or null for none
   */
  public String password() {
    return password;
  }

  /**
   * Returns the hosts reached directly, as a {@code NO_PROXY} list.
   *
   * @return the list, or null for none
   */
  public String nonProxyHosts() {
    return nonProxyHosts;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ProxyConfiguration)) {
      return false;
    }
    ProxyConfiguration p = (ProxyConfiguration) o;
    return kind == p.kind && Objects.equals(host, p.host) && port == p.port && Objects.equals(username, p.username)
        && Objects.equals(password, p.password) && Objects.equals(nonProxyHosts, p.nonProxyHosts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, host, port, username, password, nonProxyHosts);
  }

  /** The kind, or the proxy's URL with the password masked. */
  @Override
  public String toString() {
    if (kind != Kind.HTTP) {
      return "ProxyConfiguration{" + kind + '}';
    }
    String auth = username == null ? "" : username + (password == null ? "" : ":****") + "@";
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return "ProxyConfiguration{http://" + auth + h + ":" + port
        + (nonProxyHosts == null ? "" : ", nonProxyHosts=" + nonProxyHosts) + '}';
  }

  /** Builds an HTTP {@link ProxyConfiguration}. */
  public static final class Builder {
    private String host;
    private int port = -1;
    private String username;
    private String password;
    private String nonProxyHosts;

    private Builder() {}

    /**
     * Sets the proxy's host (required).
     *
     * @param host a name or an address (IPv6 with or without brackets)
     * @return this builder
     * @throws IllegalArgumentException when it cannot be a host
     */
    public Builder host(String host) {
      this.host = ProxyUrl.requireHost(Objects.requireNonNull(host, "host"), "proxy host");
      return this;
    }

    /**
     * Sets the proxy's port (required).
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("proxy port must be between 1 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the user that answers the proxy's {@code 407} (Basic).
     *
     * @param username printable, without {@code :}
     * @return this builder
     */
    public Builder username(String username) {
      this.username = ProxyUrl.requireCredential(Objects.requireNonNull(username, "username"), "proxy user", true);
      return this;
    }

    /**
     * Sets the password that answers the proxy's {@code 407}; it needs a user.
     *
     * @param password printable (never shown in messages)
     * @return this builder
     */
    public Builder password(String password) {
      this.password = ProxyUrl.requireCredential(Objects.requireNonNull(password, "password"), "proxy password",
          false);
      return this;
    }

    /**
     * Sets the hosts reached directly, as curl's {@code NO_PROXY}: comma-separated names (each also matches its
     * subdomains), IP addresses or CIDR ranges, or {@code *} for all.
     *
     * @param hosts the list
     * @return this builder
     */
    public Builder nonProxyHosts(String hosts) {
      this.nonProxyHosts = Objects.requireNonNull(hosts, "hosts").isEmpty() ? null : hosts;
      return this;
    }

    /**
     * Returns the proxy.
     *
     * @return a new immutable value
     * @throws IllegalArgumentException when the host or port is missing, or a password has no user
     */
    public ProxyConfiguration build() {
      if (host == null || port < 0) {
        throw new IllegalArgumentException("a proxy needs a host and a port");
      }
      if (password != null && username == null) {
        throw new IllegalArgumentException("a proxy password needs a proxy user");
      }
      return new ProxyConfiguration(Kind.HTTP, this);
    }
  }
}
