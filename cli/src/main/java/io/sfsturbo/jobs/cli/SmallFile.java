// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import java.io.ByteArrayOutputStream;
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
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a small text file named on the command line ({@code --token-file}, {@code emulate --jobs}) with a
 * bound, so that a wrong path ends in a clear refusal at once instead of exhausting memory or waiting forever.
 *
 * <p>Links are followed and their target is what gets checked: a symlink to {@code /dev/zero} or to a pipe is
 * refused like the device or pipe itself, while a token file that is a symlink (as mounted secrets are) is read.
 * Only a regular file is opened: opening a named pipe without a writer blocks, perhaps forever, and a device may
 * never end. Its size is checked before it is opened, and at most {@code maxBytes + 1} bytes are read anyway, so
 * a file that grows (or is swapped) between the check and the read is refused too rather than read unbounded.
 *
 * <p>A refusal's reason never quotes the file's content, which may be a secret.
 */
final class SmallFile {
  private SmallFile() {}

  /** Why a file was not read: a phrase to follow the file's name, such as {@code is a directory}. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Reads a regular file of at most {@code maxBytes} bytes as UTF-8 text, without a leading byte order mark.
   *
   * @throws Refused when it is missing, not a regular file, unreadable, too large or not UTF-8
   */
  static String readUtf8(Path file, int maxBytes) throws Refused {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw refusal(e);
    }
    if (attributes.isDirectory()) {
      throw new Refused("is a directory");
    }
    if (!attributes.isRegularFile()) {
      throw new Refused("is not a regular file (a pipe or a device is not read)");
    }
    if (attributes.size() > maxBytes) {
      throw new Refused("is larger than " + size(maxBytes));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(attributes.size() + 1, maxBytes + 1L));
    try (InputStream in = Files.newInputStream(file)) {
      byte[] chunk = new byte[8192];
      int r;
      while (bytes.size() <= maxBytes
          && (r = in.read(chunk, 0, (int) Math.min(chunk.length, maxBytes + 1L - bytes.size()))) > 0) {
        bytes.write(chunk, 0, r);
      }
    } catch (IOException e) {
      throw refusal(e);
    }
    if (bytes.size() > maxBytes) {
      throw new Refused("is larger than " + size(maxBytes));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new Refused("is not UTF-8 text");
    }
    return text.startsWith("\ufeff") ? text.substring(1) : text;
  }

  private static Refused refusal(IOException e) {
    if (e instanceof NoSuchFileException) {
      return new Refused("no such file");
    }
    if (e instanceof AccessDeniedException) {
      return new Refused("permission denied");
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      // The reason alone ("Not a directory", "Too many levels of symbolic links"): the exception's message
      // would repeat the path.
      return new Refused(((FileSystemException) e).getReason());
    }
    return new Refused("cannot be read (" + e.getClass().getSimpleName() + ")");
  }

  /** {@code 64 KiB}, {@code 4 MiB} or {@code 1000 bytes}. */
  static String size(int bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
  }
}
