// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options with which {@code show} and {@code wait} reach the service. */
final class ConnectionOptions {
  @Option(names = "--region", paramLabel = "REGION",
      description = "Region id, e.g. eu-de, eu-nl, cn-north-4 (default: HUAWEICLOUD_SDK_REGION).")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL", converter = EndpointConverter.class,
      description = "Endpoint URL, https (the JVM's trust store applies).")
  URI endpoint;

  @Option(names = "--insecure-http", description = "Allow a plain http --endpoint (or region or IAM endpoint "
      + "from the environment), only on a loopback address (127.0.0.1, ::1, localhost): for local emulators such as "
      + "'sfsturbo-jobs emulate'.")
  boolean insecureHttp;

  @Option(names = "--project-id", paramLabel = "ID",
      description = "Project id (default: HUAWEICLOUD_SDK_PROJECT_ID, then project_id of the credentials profile).")
  String projectId;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file holding an IAM token, instead of the environment or profile; at most 64 KiB.")
  Path tokenFile;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json is the API's "
          + "document on one line, control characters escaped.")
  OutputFormat output;

  @Option(names = "--emulator", description = "Use an embedded emulator with demo jobs demo-success, demo-failed, "
      + "demo-running: no cloud account needed.")
  boolean emulator;

  // The network options (proxy, trust, wire log): one block, apart from the others.
  @Option(names = "--proxy", paramLabel = "URL", description = "HTTP proxy for HTTPS (CONNECT), "
      + "http://[user:password@]host[:port]; default: https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY. NO_PROXY "
      + "hosts go direct. A password here shows in the process list: prefer HTTPS_PROXY.")
  String proxy;

  @Option(names = "--no-proxy", description = "Connect directly, whatever the proxy variables say.")
  boolean noProxy;

  @Option(names = "--ca-bundle", paramLabel = "FILE", description = "PEM file of the certificate authorities to "
      + "trust instead of the JVM's: a private cloud's or a TLS-inspecting proxy's root (default: "
      + "SFSTURBO_CA_BUNDLE). Certificates are always checked.")
  Path caBundle;

  @Option(names = "--debug", description = "Log each HTTP exchange on stderr (the wire log): method, URL, status, "
      + "request id, timings, headers with credentials redacted, the start of the body. Safe to share.")
  boolean debug;

  @Option(names = {"-v", "--verbose"}, description = "Log the SDK's HTTP calls (DEBUG) and print stack traces of errors.")
  boolean verbose;

  ClientFactory.Settings settings(CommandLine cmd) {
    ClientFactory.Settings s = new ClientFactory.Settings();
    s.region = region;
    s.endpoint = endpoint;
    s.projectId = projectId;
    s.insecureHttp = insecureHttp;
    if (proxy != null && noProxy) {
      throw new CommandLine.ParameterException(cmd, "--proxy and --no-proxy exclude each other");
    }
    s.proxy = proxy;
    s.noProxy = noProxy;
    s.caBundle = caBundle;
    if (tokenFile != null && !emulator) {
      s.tokenFileCredentials = TokenFile.read(tokenFile, cmd);
    }
    return s;
  }
}
