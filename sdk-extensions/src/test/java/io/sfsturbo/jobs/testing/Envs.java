// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testing;

import io.sfsturbo.jobs.config.Environment;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/**
 * Environments for tests: the given variables, and the build's own home directory (never the developer's). The
 * instance metadata service is a closed loopback port unless the test names one: a test's chain never sends a
 * packet to the link-local 169.254.169.254.
 */
public final class Envs {
  /** A loopback port nothing listens on: connections are refused at once. */
  public static final String NO_METADATA_SERVICE = "http://127.0.0.1:1";

  private Envs() {}

  public static Environment of(Map<String, String> variables) {
    Map<String, String> v = new HashMap<>(variables);
    v.putIfAbsent("SFSTURBO_METADATA_ENDPOINT", NO_METADATA_SERVICE);
    return Environment.of(v, Paths.get(System.getProperty("user.home")));
  }
}
