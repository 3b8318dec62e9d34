// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

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

/**
 * Reads a small text file that a person named (a credentials profile, a token file, a jobs file) with a
 * bound, so that a wrong path ends in a clear refusal at once instead of exhausting memory or waiting forever.
 *
 * <p>Only a regular file is read. A directory, a device such as {@code /dev/zero} and a named pipe are
 * refused before they are opened: opening a pipe that has no writer blocks until one comes, which may be
 * never, and a device may never end. (A file swapped for a pipe between the check and the opening would
 * still block; that takes someone racing the reader on purpose.) At most {@code maxBytes + 1} bytes are read,
 * so a file that grows while read is refused too. The text must be UTF-8; a leading byte order mark is
 * dropped.
 *
 * <p>A refusal's reason never quotes the file's content, which may be a secret.
 */
public final class BoundedFile {
  private BoundedFile() {}

  /** Why a file was not read: a phrase to follow the file's name, such as {@code is a directory}. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean missing;

    Refused(String reason, boolean missing) {
      super(reason);
      this.missing = missing;
    }

    /** Returns whether the file does not exist (the reason is then {@code no such file}). */
    public boolean missing() {
      return missing;
    }
  }

  /**
   * Reads a regular file of at most {@code maxBytes} bytes as UTF-8 text.
   *
   * @param file the file
   * @param maxBytes the most bytes it may have
   * @return its text, without a leading byte order mark
   * @throws Refused when it does not exist, is not a regular file, cannot be read, is larger than
   *     {@code maxBytes} ({@code is larger than 64 KiB}) or is not UTF-8
   */
  public static String readUtf8(Path file, int maxBytes) throws Refused {
    if (Files.isDirectory(file)) {
      throw new Refused("is a directory", false);
    }
    if (!Files.isRegularFile(file) && Files.exists(file)) {
      throw new Refused("is not a regular file (a pipe or a device is not read)", false);
    }
    // Grown as read: a small file does not cost the whole bound.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] chunk = new byte[8192];
      int r;
      while (bytes.size() <= maxBytes
          && (r = in.read(chunk, 0, (int) Math.min(chunk.length, maxBytes + 1L - bytes.size()))) > 0) {
        bytes.write(chunk, 0, r);
      }
    } catch (NoSuchFileException e) {
      throw new Refused("no such file", true);
    } catch (AccessDeniedException e) {
      throw new Refused("permission denied", false);
    } catch (FileSystemException e) {
      throw new Refused(e.getReason() != null ? e.getReason() : "cannot be read", false);
    } catch (IOException e) {
      throw new Refused("cannot be read (" + e.getClass().getSimpleName() + ")", false);
    }
    if (bytes.size() > maxBytes) {
      throw new Refused("is larger than " + size(maxBytes), false);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new Refused("is not UTF-8 text", false);
    }
    return text.startsWith("\ufeff") ? text.substring(1) : text;
  }

  /** {@code 64 KiB}, {@code 4 MiB} or {@code 1000 bytes}. */
  static String size(int bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
  }
}
