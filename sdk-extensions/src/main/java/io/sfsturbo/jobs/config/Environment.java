// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a client reads the defaults the official Huawei Cloud SDKs read: environment variables
 * ({@code HUAWEICLOUD_SDK_AK}, {@code HUAWEICLOUD_SDK_PROJECT_ID}...) and the user's home directory
 * ({@code ~/.huaweicloud/credentials}). {@link #system()} unless the client builder is given another,
 * for an application that keeps its configuration elsewhere, and for tests. An immutable value; its
 * {@code toString()} names the variables it holds, never their values.
 *
 * <pre>{@code
 * SfsTurboJobsClient.builder().environment(Environment.of(Map.of("HUAWEICLOUD_SDK_REGION", "eu-de"), home))
 * }</pre>
 */
public final class Environment {
  private static final Environment SYSTEM = new Environment(null, null);

  private final Map<String, String> variables;
  private final Path home;

  private Environment(Map<String, String> variables, Path home) {
    this.variables = variables;
    this.home = home;
  }

  /**
   * Returns the process's environment variables and the {@code user.home} system property, read when asked.
   *
   * @return the system environment
   */
  public static Environment system() {
    return SYSTEM;
  }

  /**
   * Returns an environment of the given variables and home directory.
   *
   * @param variables the variables (copied); null values are left out
   * @param homeDirectory where {@code ~} points: {@code .huaweicloud/credentials} is read there
   * @return the environment
   */
  public static Environment of(Map<String, String> variables, Path homeDirectory) {
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(homeDirectory, "homeDirectory");
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : variables.entrySet()) {
      if (e.getKey() != null && e.getValue() != null) {
        copy.put(e.getKey(), e.getValue());
      }
    }
    return new Environment(Collections.unmodifiableMap(copy), homeDirectory);
  }

  /**
   * Returns a variable's value when it is set and not blank.
   *
   * @param name the variable
   * @return the value as set (not trimmed), or null when it is unset or blank
   */
  public String variable(String name) {
    String value = variables != null ? variables.get(name) : System.getenv(name);
    return value == null || value.trim().isEmpty() ? null : value;
  }

  /**
   * Returns every variable, for lookups by prefix (such as the endpoint overrides
   * {@code HUAWEICLOUD_SDK_REGION_SFSTURBO_*}).
   *
   * @return an unmodifiable view
   */
  public Map<String, String> variables() {
    return variables != null ? variables : Collections.unmodifiableMap(System.getenv());
  }

  /**
   * Returns the home directory.
   *
   * @return the path of {@code ~}
   */
  public Path homeDirectory() {
    return home != null ? home : Paths.get(System.getProperty("user.home", "."));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Environment)) {
      return false;
    }
    Environment e = (Environment) o;
    return Objects.equals(variables, e.variables) && Objects.equals(home, e.home);
  }

  @Override
  public int hashCode() {
    return Objects.hash(variables, home);
  }

  /** Names the variables, never their values: some are secrets. */
  @Override
  public String toString() {
    return this == SYSTEM ? "Environment.system()" : "Environment{variables=" + variables.keySet() + ", home=" + home
        + '}';
  }
}
