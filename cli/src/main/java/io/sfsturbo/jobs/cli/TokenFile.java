// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.internal.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Reads {@code --token-file}.
 *
 * <p>At most {@link #MAX_BYTES} are read: a wrong path such as {@code /dev/zero} or a huge log must end in
 * a usage error at once, not exhaust memory or read forever. Every problem is a usage error (exit 2) whose
 * message names the file and says why; no message ever includes the file's content, since it is a secret.
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
    if (Files.isDirectory(file)) {
      throw fail(cmd, file, "is a directory");
    }
    byte[] buf = new byte[MAX_BYTES + 1];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int r;
      while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
        n += r;
      }
    } catch (NoSuchFileException e) {
      throw fail(cmd, file, "no such file");
    } catch (AccessDeniedException e) {
      throw fail(cmd, file, "permission denied");
    } catch (FileSystemException e) {
      throw fail(cmd, file, e.getReason() != null ? e.getReason() : "cannot be read");
    } catch (IOException e) {
      throw fail(cmd, file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (n > MAX_BYTES) {
      throw fail(cmd, file, "is larger than 64 KiB; an IAM token is a few KiB, is it the right file?");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, 0, n)).toString();
    } catch (CharacterCodingException e) {
      throw fail(cmd, file, "is not UTF-8 text");
    }
    if (text.startsWith("\ufeff")) {
      text = text.substring(1);
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
        "--token-file " + Printable.capped(file.toString(), 300) + ": " + why);
  }
}
