// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.text.SafeText;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Reads {@code --token-file}.
 *
 * <p>It is read by {@link SmallFile}, at most {@link #MAX_BYTES}: a wrong path such as {@code /dev/zero}, a
 * pipe or a huge log must end in a usage error at once, not exhaust memory or block. Every problem is a usage
 * error (exit 2) whose message names the file and says why; no message ever includes the file's content,
 * since it is a secret.
 * A UTF-8 byte order mark and surrounding whitespace (an editor's final CR LF) are removed. The rest must
 * be printable ASCII without spaces: anything else could not go into a header, and the HTTP library's
 * refusal would quote the header value, the secret; further rules are left to {@link TokenCredentials}.
 */
final class TokenFile {
  /** IAM tokens are a few KiB; this leaves ample room. */
  static final int MAX_BYTES = 64 * 1024;

  private TokenFile() {}

  /**
   * Reads the token file into credentials.
   *
   * @param file the file named on the command line
   * @param cmd the command, for the usage error
   * @return the credentials
   * @throws CommandLine.ParameterException when the file cannot be read or holds no usable token
   */
  static TokenCredentials read(Path file, CommandLine cmd) {
    String token = text(file, cmd);
    try {
      return TokenCredentials.of(token);
    } catch (IllegalArgumentException e) {
      // Deliberately without the SDK's message: it is about the secret and must not echo any of it.
      throw fail(cmd, file, "does not hold a usable token");
    }
  }

  static String text(Path file, CommandLine cmd) {
    String text;
    try {
      text = SmallFile.readUtf8(file, MAX_BYTES);
    } catch (SmallFile.Refused e) {
      throw fail(cmd, file, e.getMessage());
    }
    text = text.trim();
    if (text.isEmpty()) {
      throw fail(cmd, file, "is empty");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        // OkHttp would refuse the header later with a message quoting the whole value, i.e. the
        // secret; refusing here keeps the promise never to print it. Only the position is named.
        throw fail(cmd, file, "holds a space, a control or a non-ASCII character (at index " + i
            + "); a token is one line of printable ASCII");
      }
    }
    return text;
  }

  private static CommandLine.ParameterException fail(CommandLine cmd, Path file, String why) {
    return new CommandLine.ParameterException(cmd,
        "--token-file " + SafeText.capped(file.toString(), 300) + ": " + why);
  }
}
