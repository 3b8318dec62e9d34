// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, written into a resource by the build: never a constant that goes stale. */
public final class SdkVersion {
  private SdkVersion() {}

  /**
   * Reads the version.
   *
   * @return the build's version (for example {@code 0.1.0-SNAPSHOT}), or {@code unknown} when the resource is missing
   */
  public static String read() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("sdk-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      // An unfiltered resource (an IDE build without Maven) says so rather than sending a placeholder.
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
