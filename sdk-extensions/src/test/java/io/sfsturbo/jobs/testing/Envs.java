// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testing;

import io.sfsturbo.jobs.config.Environment;
import java.nio.file.Paths;
import java.util.Map;

/** Environments for tests: the given variables, and the build's own home directory (never the developer's). */
public final class Envs {
  private Envs() {}

  public static Environment of(Map<String, String> variables) {
    return Environment.of(variables, Paths.get(System.getProperty("user.home")));
  }
}
