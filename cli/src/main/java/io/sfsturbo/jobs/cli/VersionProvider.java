// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: the version the build wrote into {@code version.properties} (Maven resource filtering),
 * so a snapshot says it is one, and the Java that runs the CLI.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"sfsturbo-jobs " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
            + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"};
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // falls through to "unknown": a missing version must not stop the CLI
    }
    String v = p.getProperty("version");
    return v == null || v.startsWith("${") ? "unknown" : v;
  }
}
