// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.region;

import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.internal.BoundedFile;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The endpoints a user set for a region, where the official SDKs read them: the variable
 * {@code HUAWEICLOUD_SDK_REGION_SFSTURBO_{REGION}} (upper case, {@code -} as {@code _}; several endpoints
 * separated by commas), then the {@code SFSTURBO} service of {@code ~/.huaweicloud/regions.yaml} (or the file
 * {@code HUAWEICLOUD_SDK_REGIONS_FILE} names). The file is read only when the variable is not set, so a broken
 * file stops no one whose variable suffices.
 */
public final class RegionOverrides {
  /** The service's key in the variable's name and in the file: the official SDK passes {@code SFSTURBO}. */
  public static final String SERVICE = "SFSTURBO";
  /** The variable's prefix; the region id follows. */
  public static final String ENV_PREFIX = "HUAWEICLOUD_SDK_REGION_" + SERVICE + "_";
  /** The variable that names another regions file. */
  public static final String ENV_REGIONS_FILE = "HUAWEICLOUD_SDK_REGIONS_FILE";
  /** A regions file is a few KiB. */
  static final int MAX_FILE_BYTES = 64 * 1024;
  /** The official SDKs' rule for the file's name. */
  private static final Pattern FILE_NAME = Pattern.compile("^[a-zA-Z0-9._ -]+\\.(yml|yaml)$");

  private RegionOverrides() {}

  /** The endpoints found and where. */
  public static final class Found {
    /** The endpoints, in order: the first is used first. */
    public final List<URI> endpoints;
    /** Where they came from: the variable, or the file and line. */
    public final String source;

    Found(List<URI> endpoints, String source) {
      this.endpoints = Collections.unmodifiableList(endpoints);
      this.source = source;
    }
  }

  /**
   * Returns the variable that overrides a region's endpoints.
   *
   * @param regionId the region id
   * @return for example {@code HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_WEST_101}
   */
  public static String variable(String regionId) {
    return ENV_PREFIX + regionId.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /**
   * Finds the endpoints set for a region.
   *
   * @param regionId the region id, already checked
   * @param env the variables and home directory
   * @return the endpoints and their source, or null when none is set
   * @throws IllegalArgumentException when the variable or the file holds something that is not an endpoint, the
   *     file is not of the documented shape, or a named file does not exist; the message names variable or file
   *     and line, never a value
   */
  public static Found find(String regionId, Environment env) {
    String name = variable(regionId);
    String value = env.variable(name);
    if (value != null) {
      String[] items = value.split(",", -1);
      List<URI> endpoints = new ArrayList<>();
      for (int i = 0; i < items.length; i++) {
        endpoints.add(EndpointText.parse(items[i], items.length == 1 ? name : name + " item " + (i + 1)));
      }
      return new Found(endpoints, name);
    }
    return fromFile(regionId, env);
  }

  private static Found fromFile(String regionId, Environment env) {
    String named = env.variable(ENV_REGIONS_FILE);
    Path file = named != null ? Paths.get(named.trim())
        : env.homeDirectory().resolve(".huaweicloud").resolve("regions.yaml");
    String where = named != null ? ENV_REGIONS_FILE + " (" + file + ")" : "the regions file " + file;
    Path fileName = file.getFileName();
    if (named != null && (fileName == null || !FILE_NAME.matcher(fileName.toString()).matches())) {
      throw new IllegalArgumentException(where + ": the file's name must end in .yaml or .yml and hold only letters, "
          + "digits, '.', '_', '-' and spaces");
    }
    String text;
    try {
      text = BoundedFile.readUtf8(file, MAX_FILE_BYTES);
    } catch (BoundedFile.Refused e) {
      if (e.missing() && named == null) {
        return null;
      }
      throw new IllegalArgumentException(where + " " + e.getMessage(), null);
    }
    RegionsFile parsed;
    try {
      parsed = RegionsFile.parse(text);
    } catch (RegionsFile.Problem e) {
      throw new IllegalArgumentException(where + " " + e.getMessage(), null);
    }
    for (RegionsFile.Entry entry : parsed.service(SERVICE)) {
      if (entry.id.equals(regionId)) {
        List<URI> endpoints = new ArrayList<>();
        for (int i = 0; i < entry.endpoints.size(); i++) {
          endpoints.add(EndpointText.parse(entry.endpoints.get(i), where + " line " + entry.line + " (region "
              + regionId + ") endpoint " + (i + 1)));
        }
        return new Found(endpoints, where + " line " + entry.line);
      }
    }
    return null;
  }
}
