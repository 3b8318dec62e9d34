// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.config.ClientOverrideConfiguration;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.config.HttpConfiguration;
import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.region.Region;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.time.TimeSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures a {@link SfsTurboJobsClient}. The endpoint comes from {@link #region(String)} or
 * {@link #endpoint(URI)}; the project id and credentials, when not set, from the {@link #environment}.
 *
 * <!-- src_embed javadoc.builder -->
 * <pre>
 * SfsTurboJobsClient client = SfsTurboJobsClient.builder&#40;&#41;
 *     .region&#40;&quot;eu-de&quot;&#41;
 *     .projectId&#40;projectId&#41;
 *     .credentials&#40;TokenCredentials.of&#40;token&#41;&#41;
 *     .overrideConfiguration&#40;o -&gt; o.callTimeout&#40;Duration.ofSeconds&#40;30&#41;&#41;&#41;
 *     .httpConfiguration&#40;h -&gt; h.connectTimeout&#40;Duration.ofSeconds&#40;5&#41;&#41;&#41;
 *     .build&#40;&#41;;
 * </pre>
 * <!-- end javadoc.builder -->
 */
public final class SfsTurboJobsClientBuilder {
  Region region;
  URI endpoint;
  String projectId;
  Credentials credentials;
  ClientOverrideConfiguration override = ClientOverrideConfiguration.defaults();
  HttpConfiguration http = HttpConfiguration.defaults();
  Telemetry telemetry = Telemetry.none();
  TimeSource time = TimeSource.system();
  Environment environment = Environment.system();
  // Credentials and regions (issue 23): a region by id, resolved with the environment's overrides at build(),
  // and IAM's endpoint for the automatic project id.
  String regionId;
  URI iamEndpoint;

  SfsTurboJobsClientBuilder() {}

  SfsTurboJobsClientBuilder copy() {
    SfsTurboJobsClientBuilder b = new SfsTurboJobsClientBuilder();
    b.region = region;
    b.endpoint = endpoint;
    b.projectId = projectId;
    b.credentials = credentials;
    b.override = override;
    b.http = http;
    b.telemetry = telemetry;
    b.time = time;
    b.environment = environment;
    b.regionId = regionId;
    b.iamEndpoint = iamEndpoint;
    return b;
  }

  /**
   * Uses a region by its id, as the official SDKs find it when the client is built
   * ({@link Region#resolve(String, Environment)}): the endpoints of {@code HUAWEICLOUD_SDK_REGION_SFSTURBO_{REGION}},
   * else of {@code ~/.huaweicloud/regions.yaml}, else the catalogue's. A region or an {@link #endpoint(URI)
   * endpoint} is required, unless the environment names a region ({@code HUAWEICLOUD_SDK_REGION}). Without a
   * project id, the region's is looked up from IAM.
   *
   * @param regionId for example {@code eu-de} or {@code cn-north-4}
   * @return this builder
   * @throws IllegalArgumentException for an id that cannot be a region id; an id that neither an override nor
   *     the catalogue holds fails at {@link #build()}, with the catalogue's ids in the message
   */
  public SfsTurboJobsClientBuilder region(String regionId) {
    this.regionId = Region.requireValidId("region", regionId);
    this.region = null;
    return this;
  }

  /**
   * Uses a region as given (no override of the environment applies to it).
   *
   * @param region the region
   * @return this builder
   */
  public SfsTurboJobsClientBuilder region(Region region) {
    this.region = Objects.requireNonNull(region, "region");
    this.regionId = null;
    return this;
  }

  /**
   * Sets IAM's endpoint, where the project id is looked up when none is set (and where IAM password
   * credentials without one of their own get tokens). Default, as the official SDKs: the credentials profile's
   * {@code iam_endpoint} (for credentials from the profile), {@code HUAWEICLOUD_SDK_IAM_ENDPOINT}, the
   * region's IAM endpoint, IAM's global endpoint.
   *
   * @param iamEndpoint an {@code https} URL, or {@code http} when the HTTP configuration allows it
   * @return this builder
   */
  public SfsTurboJobsClientBuilder iamEndpoint(URI iamEndpoint) {
    this.iamEndpoint = Objects.requireNonNull(iamEndpoint, "iamEndpoint");
    return this;
  }

  /**
   * Uses an endpoint directly, overriding the region's (for a region the catalogue lacks, a private
   * endpoint or the test kit's emulator).
   *
   * @param endpoint an {@code https} URL, or {@code http} when the HTTP configuration allows it
   * @return this builder
   */
  public SfsTurboJobsClientBuilder endpoint(URI endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /**
   * Uses an endpoint directly.
   *
   * @param endpoint the endpoint URL as text
   * @return this builder
   * @throws IllegalArgumentException when the text is not a URI
   */
  public SfsTurboJobsClientBuilder endpoint(String endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    try {
      return endpoint(new URI(endpoint));
    } catch (URISyntaxException e) {
      // The reason and index only: the text itself may hold a password in its user info.
      throw new IllegalArgumentException("endpoint is not a valid URL: " + e.getReason() + " at index "
          + e.getIndex(), null);
    }
  }

  /**
   * Sets the project whose jobs are queried. Default: {@code HUAWEICLOUD_SDK_PROJECT_ID}, then the
   * credentials profile's {@code project_id}, then (with a region) the region's project as IAM lists it for the
   * credentials ({@code GET /v3/projects?name={region}}, once, when the client is built).
   *
   * @param projectId the project id: one path segment of printable ASCII
   * @return this builder
   * @throws IllegalArgumentException when the id is not acceptable (the message never shows it)
   */
  public SfsTurboJobsClientBuilder projectId(String projectId) {
    this.projectId = Ids.requireValidProjectId("projectId", projectId);
    return this;
  }

  /**
   * Sets how requests are authenticated. Default: the environment, read by
   * {@link io.sfsturbo.jobs.auth.DefaultCredentialsChain}.
   *
   * @param credentials a token, IAM password or AK/SK credentials
   * @return this builder
   */
  public SfsTurboJobsClientBuilder credentials(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  /**
   * Sets how calls are bounded and retried: call budget, attempt bound, retry policy, rate limit.
   *
   * @param override the configuration
   * @return this builder
   */
  public SfsTurboJobsClientBuilder overrideConfiguration(ClientOverrideConfiguration override) {
    this.override = Objects.requireNonNull(override, "overrideConfiguration");
    return this;
  }

  /**
   * Changes how calls are bounded and retried: {@code overrideConfiguration(o -> o.callTimeout(d))}.
   *
   * @param changes applied to a builder holding the current configuration
   * @return this builder
   */
  public SfsTurboJobsClientBuilder overrideConfiguration(Consumer<ClientOverrideConfiguration.Builder> changes) {
    ClientOverrideConfiguration.Builder b = override.toBuilder();
    changes.accept(b);
    return overrideConfiguration(b.build());
  }

  /**
   * Sets how the client talks HTTP: timeouts, response size limit, proxy, User-Agent suffix, plain http,
   * a shared {@code OkHttpClient}.
   *
   * @param http the configuration
   * @return this builder
   */
  public SfsTurboJobsClientBuilder httpConfiguration(HttpConfiguration http) {
    this.http = Objects.requireNonNull(http, "httpConfiguration");
    return this;
  }

  /**
   * Changes how the client talks HTTP: {@code httpConfiguration(h -> h.connectTimeout(d))}.
   *
   * @param changes applied to a builder holding the current configuration
   * @return this builder
   */
  public SfsTurboJobsClientBuilder httpConfiguration(Consumer<HttpConfiguration.Builder> changes) {
    HttpConfiguration.Builder b = http.toBuilder();
    changes.accept(b);
    return httpConfiguration(b.build());
  }

  /**
   * Reports attempts, throttling and waits to a monitoring system: an adapter such as
   * {@code MicrometerTelemetry} or {@code OpenTelemetryTelemetry}, or your own. Default
   * {@link Telemetry#none()}, which costs nothing. An exception the telemetry throws never changes a call's
   * outcome.
   *
   * @param telemetry the telemetry; {@link Telemetry#composite(Telemetry...)} installs several
   * @return this builder
   */
  public SfsTurboJobsClientBuilder telemetry(Telemetry telemetry) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    return this;
  }

  /**
   * Sets where the client reads time, times its delays and draws jitter. Default {@link TimeSource#system()};
   * {@code TimeSource.system(executor)} for a scheduler of your own; the test kit's {@code VirtualTime} in tests.
   *
   * @param timeSource the time source
   * @return this builder
   */
  public SfsTurboJobsClientBuilder timeSource(TimeSource timeSource) {
    this.time = Objects.requireNonNull(timeSource, "timeSource");
    return this;
  }

  /**
   * Sets where defaults are read: environment variables and the home directory. Default
   * {@link Environment#system()}.
   *
   * @param environment the environment
   * @return this builder
   */
  public SfsTurboJobsClientBuilder environment(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return this;
  }

  /**
   * Returns the client. Without a region or an endpoint, the region is {@code HUAWEICLOUD_SDK_REGION}.
   *
   * @return a new client
   * @throws IllegalArgumentException when no endpoint or region is set, an endpoint is not allowed, a value of
   *     the environment is not valid (the message names the variable), or no project id is set or found and no
   *     region tells which to look up
   * @throws io.sfsturbo.jobs.errors.CredentialsException when no credentials are set and the environment
   *     has none
   * @throws io.sfsturbo.jobs.errors.ProjectIdLookupException when the project id had to be looked up and IAM
   *     lists none or several for the region (another {@link io.sfsturbo.jobs.errors.SfsTurboException} when IAM
   *     refuses or cannot be reached)
   */
  public SfsTurboJobsClient build() {
    return new SfsTurboJobsClient(this, ClientDefaults.resolve(this));
  }
}
