// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.CredentialsProfile;
import io.sfsturbo.jobs.auth.DefaultCredentialsChain;
import io.sfsturbo.jobs.config.CaBundle;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.config.ProxyConfiguration;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.ProjectIdLookupException;
import io.sfsturbo.jobs.region.Region;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Builds the SDK client from the command line and the environment, and says what is missing in the CLI's
 * terms (flags and variables, never builder methods): every setup problem is a {@link SetupException}
 * (exit 2) before any request.
 *
 * <p>The CLI resolves the project id and credentials itself, through the SDK's chain, rather than letting
 * the builder do it: only here is it known which flag would have fixed a gap.
 */
final class ClientFactory {
  /** The region variable of the tools around the official Huawei Cloud SDKs. */
  static final String ENV_REGION = "HUAWEICLOUD_SDK_REGION";
  static final String PROFILE = "~/.huaweicloud/credentials";

  private ClientFactory() {}

  /** The connection settings from the command line. */
  static final class Settings {
    String region;
    URI endpoint;
    String projectId;
    Credentials tokenFileCredentials;
    boolean insecureHttp;
    String proxy;
    boolean noProxy;
    Path caBundle;
  }

  /** The client a command uses; closing it closes the client. */
  static final class Handle implements AutoCloseable {
    final SfsTurboJobsClient client;

    Handle(SfsTurboJobsClient client) {
      this.client = client;
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /**
   * Builds the client.
   *
   * @param s the settings
   * @param ctx the environment
   * @param emulator the embedded emulator, or null
   * @param telemetry hears every attempt (the live progress counts polls with it), or null
   * @param tweak tests' last say over the builder, or null
   */
  static Handle create(Settings s, CliContext ctx, SfsTurboEmulator emulator, Telemetry telemetry,
      UnaryOperator<SfsTurboJobsClientBuilder> tweak) {
    SfsTurboJobsClientBuilder b = emulator != null ? emulator.clientBuilder() : configured(s, ctx);
    if (telemetry != null) {
      // Through the SDK's telemetry, not an OkHttpClient of the CLI's: the client keeps its own HTTP defaults
      // (concurrent requests, pool, timeouts), which a client passed in would replace.
      b.telemetry(telemetry);
    }
    SfsTurboJobsClientBuilder ready = tweak == null ? b : tweak.apply(b);
    return new Handle(build(ready));
  }

  /**
   * Builds the client: the SDK reads the instance metadata service when nothing else has credentials, and looks
   * the project id up from IAM when none is set; what it cannot find is a setup error in the CLI's words.
   */
  private static SfsTurboJobsClient build(SfsTurboJobsClientBuilder b) {
    try {
      return setup(b::build);
    } catch (CredentialsException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("no credentials found")) {
        String metadata = e.getCause() == null ? "" : e.getCause().getMessage();
        throw new SetupException(noCredentials() + ", or run on a cloud server whose agency gives keys through the "
            + "instance metadata service (" + SafeText.capped(metadata, 300) + ")");
      }
      throw new SetupException(SafeText.capped(e.getMessage(), 600));
    } catch (ProjectIdLookupException e) {
      throw new SetupException(SafeText.capped(e.getMessage(), 600).replace("(projectId(...), ", "(--project-id, "));
    }
  }

  private static SfsTurboJobsClientBuilder configured(Settings s, CliContext ctx) {
    SfsTurboJobsClientBuilder b = SfsTurboJobsClient.builder().httpConfiguration(h -> h.userAgentSuffix("sfsturbo-jobs-cli"))
        .environment(environment(ctx));
    String regionId = s.region != null ? s.region : blankToNull(ctx.env.get(ENV_REGION));
    if (regionId == null && s.endpoint == null) {
      throw new SetupException("no region: pass --region (e.g. eu-de) or set " + ENV_REGION
          + ", or pass --endpoint URL (or --emulator to try the CLI without a cloud account)");
    }
    boolean plainHttp = false;
    if (s.endpoint != null) {
      plainHttp = Endpoints.checkScheme(s.endpoint, s.insecureHttp);
      setup(() -> b.endpoint(s.endpoint));
    } else {
      Region region = RegionChoice.of(regionId, s.region != null ? "--region" : ENV_REGION, environment(ctx));
      for (java.net.URI e : region.endpoints()) {
        plainHttp |= Endpoints.checkScheme(e, s.insecureHttp, "endpoint " + Endpoints.shown(e) + " of region "
            + region.id() + " (from " + region.source() + ")");
      }
      b.region(region.id());
    }
    String iam = blankToNull(ctx.env.get(DefaultCredentialsChain.ENV_IAM_ENDPOINT));
    if (iam != null && iam.toLowerCase(java.util.Locale.ROOT).startsWith("http:")) {
      plainHttp |= Endpoints.checkScheme(java.net.URI.create(iam.replace(" ", "")), s.insecureHttp,
          DefaultCredentialsChain.ENV_IAM_ENDPOINT);
    }
    if (plainHttp) {
      b.httpConfiguration(h -> h.allowInsecureHttp(true));
    }
    // Read only when the flags and variables leave a gap: a broken profile must not stop a user who needs none.
    boolean needsProfile = (s.projectId == null && blankToNull(ctx.env.get(DefaultCredentialsChain.ENV_PROJECT_ID)) == null)
        || (s.tokenFileCredentials == null && !credentialsInEnvironment(ctx));
    CredentialsProfile profile = needsProfile ? profile(ctx) : null;
    String project = s.projectId != null ? s.projectId : DefaultCredentialsChain.projectIdFrom(environment(ctx), profile);
    if (project == null && s.endpoint != null) {
      throw new SetupException("no project id: pass --project-id or set " + DefaultCredentialsChain.ENV_PROJECT_ID
          + " (or project_id in the [basic] section of " + PROFILE + "), or pass --region instead of --endpoint so "
          + "that the region's project is looked up from IAM");
    }
    if (project != null) {
      try {
        b.projectId(project);
      } catch (IllegalArgumentException e) {
        String from = s.projectId != null ? "--project-id"
            : ctx.env.get(DefaultCredentialsChain.ENV_PROJECT_ID) != null ? DefaultCredentialsChain.ENV_PROJECT_ID
            : "project_id of " + profile.file();
        throw new SetupException(from + ": " + SafeText.capped(e.getMessage(), 300));
      }
    }
    Credentials credentials = s.tokenFileCredentials != null ? s.tokenFileCredentials : credentials(ctx, profile);
    if (credentials != null) {
      b.credentials(credentials);
    }
    network(b, s, ctx);
    return b;
  }

  /**
   * Proxy and trust, as curl takes them: --no-proxy, else --proxy (NO_PROXY still exempts its hosts), else the
   * proxy variables; --ca-bundle, else SFSTURBO_CA_BUNDLE (read by the SDK from the environment given here).
   */
  private static void network(SfsTurboJobsClientBuilder b, Settings s, CliContext ctx) {
    b.environment(environment(ctx));
    ProxyConfiguration proxy = s.noProxy ? ProxyConfiguration.none()
        : s.proxy == null ? ProxyConfiguration.fromEnvironment() : setup(() -> withNoProxy(
            ProxyConfiguration.parse(s.proxy, "--proxy"), ctx));
    CaBundle bundle = s.caBundle == null ? null : setup(() -> CaBundle.fromPemFile(s.caBundle, "--ca-bundle"));
    b.httpConfiguration(h -> {
      h.proxy(proxy);
      if (bundle != null) {
        h.caBundle(bundle);
      }
    });
  }

  private static ProxyConfiguration withNoProxy(ProxyConfiguration p, CliContext ctx) {
    String noProxy = blankToNull(ctx.env.get("no_proxy")) != null ? ctx.env.get("no_proxy") : ctx.env.get("NO_PROXY");
    if (blankToNull(noProxy) == null) {
      return p;
    }
    ProxyConfiguration.Builder b = ProxyConfiguration.builder().host(p.host()).port(p.port()).nonProxyHosts(noProxy);
    if (p.username() != null) {
      b.username(p.username());
    }
    if (p.password() != null) {
      b.password(p.password());
    }
    return b.build();
  }

  /** The credentials profile, read once for project id and credentials. */
  private static CredentialsProfile profile(CliContext ctx) {
    try {
      return CredentialsProfile.find(environment(ctx));
    } catch (CredentialsException e) {
      // Its messages name the file and line, never a value.
      throw new SetupException(SafeText.capped(e.getMessage(), 600));
    }
  }

  /** The environment's or the profile's credentials; null leaves the SDK's chain to ask the metadata service. */
  private static Credentials credentials(CliContext ctx, CredentialsProfile profile) {
    if (!credentialsInEnvironment(ctx) && (profile == null || profile.credentials() == null)) {
      return null;
    }
    try {
      return DefaultCredentialsChain.resolve(environment(ctx), profile);
    } catch (CredentialsException e) {
      // The chain's messages about variables name the variable and never the value.
      throw new SetupException(SafeText.capped(e.getMessage(), 600));
    }
  }

  private static boolean credentialsInEnvironment(CliContext ctx) {
    return blankToNull(ctx.env.get(DefaultCredentialsChain.ENV_AK)) != null
        || blankToNull(ctx.env.get(DefaultCredentialsChain.ENV_SK)) != null
        || blankToNull(ctx.env.get(DefaultCredentialsChain.ENV_AUTH_TOKEN)) != null;
  }

  static String noCredentials() {
    return "no credentials: set " + DefaultCredentialsChain.ENV_AK + " and " + DefaultCredentialsChain.ENV_SK
        + " (AK/SK), or " + DefaultCredentialsChain.ENV_AUTH_TOKEN + " (IAM token), or pass --token-file FILE, or put "
        + "ak and sk in the [basic] section of " + PROFILE + " (or of the file " + CredentialsProfile.ENV_CREDENTIALS_FILE
        + " names)";
  }

  private static Environment environment(CliContext ctx) {
    return Environment.of(ctx.env, ctx.home);
  }

  static String blankToNull(String v) {
    return v == null || v.trim().isEmpty() ? null : v.trim();
  }

  /** Runs builder code whose {@link IllegalArgumentException} means a setting was wrong. */
  private static <T> T setup(java.util.function.Supplier<T> code) {
    try {
      return code.get();
    } catch (IllegalArgumentException e) {
      throw new SetupException(SafeText.capped(e.getMessage(), 600));
    }
  }
}
