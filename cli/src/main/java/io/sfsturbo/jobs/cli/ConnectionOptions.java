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

  @Option(names = "--insecure-http", description = "Allow a plain http --endpoint, only on a loopback address "
      + "(127.0.0.1, ::1, localhost): for local emulators such as 'sfsturbo-jobs emulate'.")
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

  @Option(names = {"-v", "--verbose"}, description = "Log the SDK's HTTP calls (DEBUG) and print stack traces of errors.")
  boolean verbose;

  ClientFactory.Settings settings(CommandLine cmd) {
    ClientFactory.Settings s = new ClientFactory.Settings();
    s.region = region;
    s.endpoint = endpoint;
    s.projectId = projectId;
    s.insecureHttp = insecureHttp;
    if (tokenFile != null && !emulator) {
      s.tokenFileCredentials = TokenFile.read(tokenFile, cmd);
    }
    return s;
  }
}
