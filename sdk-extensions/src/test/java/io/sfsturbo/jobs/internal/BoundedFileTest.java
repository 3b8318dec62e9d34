// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one bounded read of the files a person names: what is read, and what is refused at once. */
public class BoundedFileTest {
  @TempDir
  Path dir;

  static String reason(Path file, int maxBytes) {
    return assertThrows(BoundedFile.Refused.class, () -> BoundedFile.readUtf8(file, maxBytes)).getMessage();
  }

  /** A named pipe, or nothing where the machine cannot make one. */
  public static Path fifo(Path dir) throws IOException, InterruptedException {
    Path fifo = dir.resolve("fifo");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      p = null;
    }
    assumeTrue(p != null && p.waitFor() == 0, "mkfifo makes a named pipe");
    return fifo;
  }

  @Test
  void aFileUpToTheBoundIsReadWithoutItsByteOrderMark() throws Exception {
    Path f = Files.write(dir.resolve("f"), "\ufeffn\u00f6de".getBytes(StandardCharsets.UTF_8));
    assertEquals("n\u00f6de", BoundedFile.readUtf8(f, 8));
    assertEquals("is larger than 7 bytes", reason(f, 7));
    Path big = dir.resolve("big");
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(5L << 20);
    }
    assertEquals("is larger than 4 MiB", reason(big, 4 << 20));
    assertEquals("is larger than 64 KiB", reason(big, 64 << 10));
  }

  @Test
  void whatIsNotAReadableUtf8FileIsRefusedWithAReasonAndNoContent() throws Exception {
    BoundedFile.Refused missing = assertThrows(BoundedFile.Refused.class,
        () -> BoundedFile.readUtf8(dir.resolve("nope"), 10));
    assertEquals("no such file", missing.getMessage());
    assertTrue(missing.missing());
    assertEquals("is a directory", reason(dir, 10));
    Path latin1 = Files.write(dir.resolve("latin1"), new byte[] {'s', '3', (byte) 0xe9, 'x'});
    assertEquals("is not UTF-8 text", reason(latin1, 10));
    assertFalse(assertThrows(BoundedFile.Refused.class, () -> BoundedFile.readUtf8(latin1, 10)).missing());
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aDeviceIsRefusedUnread() {
    assumeTrue(Files.exists(Paths.get("/dev/zero")), "a /dev/zero");
    assertEquals("is not a regular file (a pipe or a device is not read)", reason(Paths.get("/dev/zero"), 64 << 10));
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aNamedPipeWithoutWriterIsRefusedNotWaitedFor() throws Exception {
    assertEquals("is not a regular file (a pipe or a device is not read)", reason(fifo(dir), 64 << 10));
  }
}
