// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * The baseline of the CLI start-up report ({@link CliStartMain}): the smallest Java program that makes the
 * CLI's {@code show} call. One plain {@link HttpURLConnection} GET of the job's URL with the same token,
 * the body printed as it came, and exit: no SDK, no JSON, no dependencies (it runs from the classes directory
 * alone). Exit code 0 for a 2xx answer, else 4.
 *
 * <p>Arguments: the job's URL, the {@code X-Auth-Token}.
 */
public final class RawHttpGet {
  private RawHttpGet() {}

  public static void main(String[] args) throws Exception {
    HttpURLConnection c = (HttpURLConnection) new URL(args[0]).openConnection();
    c.setRequestProperty("X-Auth-Token", args[1]);
    c.setRequestProperty("Accept", "application/json");
    int code = c.getResponseCode();
    OutputStream out = System.out;
    try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
      byte[] buf = new byte[8192];
      for (int n; in != null && (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
      }
    }
    out.write('\n');
    out.flush();
    System.exit(code / 100 == 2 ? 0 : 4);
  }
}
