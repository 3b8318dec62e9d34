// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.internal.IniFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * The credentials profile of the official Huawei Cloud SDKs: an INI file at
 * {@code ~/.huaweicloud/credentials}, or at the path in {@code HUAWEICLOUD_SDK_CREDENTIALS_FILE}, whose
 * {@code [basic]} section holds {@code ak}, {@code sk} (both, for AK/SK signing), optionally
 * {@code security_token} (temporary AK/SK), {@code project_id} and {@code iam_endpoint}:
 * <pre>
 * [basic]
 * ak = ...
 * sk = ...
 * project_id = 2a4f6e1b8c9d4e3f8a7b6c5d4e3f2a1b
 * </pre>
 * {@link DefaultCredentialsChain} reads it after the environment variables. A problem in the file (a line
 * that is not INI, only one of {@code ak} and {@code sk}, a value that cannot be a header) is a
 * {@link CredentialsException} naming the file and the line, never a value.
 */
public final class CredentialsProfile {
  /** The variable that names another profile file. */
  public static final String ENV_CREDENTIALS_FILE = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
  /** The section of regional services, SFS Turbo among them. */
  public static final String SECTION = "basic";

  /** The keys of {@code [basic]} that the official SDKs read. */
  static final java.util.List<String> KNOWN_KEYS = java.util.Collections.unmodifiableList(java.util.Arrays.asList(
      "ak", "sk", "security_token", "project_id", "domain_id", "iam_endpoint", "idp_id", "id_token_file"));

  private final Path file;
  private final Credentials credentials;
  private final String projectId;
  private final String iamEndpoint;

  private CredentialsProfile(Path file, Credentials credentials, String projectId, String iamEndpoint) {
    this.file = file;
    this.credentials = credentials;
    this.projectId = projectId;
    this.iamEndpoint = iamEndpoint;
  }

  /**
   * Finds the profile of this user: the file named by {@link #ENV_CREDENTIALS_FILE}, else
   * {@code .huaweicloud/credentials} in the home directory.
   *
   * @param environment the variables and the home directory
   * @return the profile, or null when the default file does not exist
   * @throws CredentialsException when the named file does not exist or either file cannot be used
   */
  public static CredentialsProfile find(Environment environment) {
    String named = environment.variable(ENV_CREDENTIALS_FILE);
    if (named != null) {
      Path file = Paths.get(named.trim());
      CredentialsProfile p = readIfPresent(file);
      if (p == null) {
        // Named on purpose: silently falling back to no credentials would hide a typo.
        throw new CredentialsException(ENV_CREDENTIALS_FILE + " names " + file + ", which does not exist", null);
      }
      return p;
    }
    return readIfPresent(environment.homeDirectory().resolve(".huaweicloud").resolve("credentials"));
  }

  /**
   * Reads a profile file.
   *
   * @param file the file
   * @return the profile
   * @throws CredentialsException when it does not exist or cannot be used
   */
  public static CredentialsProfile read(Path file) {
    CredentialsProfile p = readIfPresent(file);
    if (p == null) {
      throw new CredentialsException("the credentials profile " + file + " does not exist", null);
    }
    return p;
  }

  private static CredentialsProfile readIfPresent(Path file) {
    IniFile ini;
    try {
      ini = IniFile.read(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | IniFile.Problem e) {
      throw new CredentialsException("credentials profile: " + e.getMessage(), null);
    }
    Map<String, IniFile.Entry> basic = ini.section(SECTION);
    IniFile.Entry ak = value(basic, "ak");
    IniFile.Entry sk = value(basic, "sk");
    IniFile.Entry token = value(basic, "security_token");
    Credentials credentials = null;
    if (ak != null || sk != null) {
      if (ak == null || sk == null) {
        throw new CredentialsException("credentials profile " + file + " line " + (ak == null ? sk : ak).line
            + ": [basic] has " + (ak == null ? "sk but no ak" : "ak but no sk") + "; give both for AK/SK signing", null);
      }
      try {
        credentials = AkSkCredentials.checked(ak.value, where(file, "ak", ak), sk.value, where(file, "sk", sk),
            token == null ? null : token.value, token == null ? null : where(file, "security_token", token));
      } catch (IllegalArgumentException e) {
        // The check's message names the source (file, key, line) and never the value.
        throw new CredentialsException(e.getMessage() + "; fix the credentials profile", e);
      }
    } else if (token != null) {
      throw new CredentialsException("credentials profile " + file + " line " + token.line
          + ": security_token without ak and sk", null);
    }
    checkWrapped(file, basic);
    IniFile.Entry project = value(basic, "project_id");
    IniFile.Entry iam = value(basic, "iam_endpoint");
    return new CredentialsProfile(file, credentials, project == null ? null : project.value,
        iam == null ? null : iam.value);
  }

  /**
   * A long value (a security token is over a thousand characters) wrapped onto a second line reads as a key of
   * its own when that line holds an '=': the value would be silently cut. An unknown key right after a known
   * one is reported as that; the line itself is never shown.
   */
  private static void checkWrapped(Path file, Map<String, IniFile.Entry> basic) {
    for (Map.Entry<String, IniFile.Entry> e : basic.entrySet()) {
      if (KNOWN_KEYS.contains(e.getKey())) {
        continue;
      }
      for (String known : KNOWN_KEYS) {
        IniFile.Entry before = basic.get(known);
        if (before != null && before.line == e.getValue().line - 1) {
          throw new CredentialsException("credentials profile " + file + " line " + e.getValue().line + ": not a key "
              + "of [" + SECTION + "] but, right after " + known + " (line " + before.line + "), most likely the rest "
              + "of its value wrapped onto a second line; put the whole value on line " + before.line, null);
        }
      }
    }
  }

  private static IniFile.Entry value(Map<String, IniFile.Entry> section, String key) {
    IniFile.Entry e = section.get(key);
    return e == null || e.value.isEmpty() ? null : e;
  }

  private static String where(Path file, String key, IniFile.Entry e) {
    return key + " in [" + SECTION + "] of the credentials profile " + file + " (line " + e.line + ")";
  }

  /** Returns the file read. */
  public Path file() {
    return file;
  }

  /** Returns the AK/SK credentials of {@code [basic]}, or null when it has none. */
  public Credentials credentials() {
    return credentials;
  }

  /** Returns {@code project_id} of {@code [basic]}, or null. */
  public String projectId() {
    return projectId;
  }

  /**
   * Returns {@code iam_endpoint} of {@code [basic]}, or null. A client whose credentials come from this profile
   * looks its project id up at this IAM endpoint first (as the official SDKs do).
   */
  public String iamEndpoint() {
    return iamEndpoint;
  }

  @Override
  public String toString() {
    return "CredentialsProfile{file=" + file + ", credentials=" + (credentials == null ? "none" : "***")
        + ", projectId=" + projectId + '}';
  }
}
