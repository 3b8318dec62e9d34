// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's own bounded reader of the token and jobs files, and that the CLI uses only the SDK's public API
 * (its {@code internal} packages are being reorganised).
 */
@Timeout(30)
class SmallFileTest {
  @TempDir
  Path dir;

  static String refusal(Path file, int max) {
    return assertThrows(SmallFile.Refused.class, () -> SmallFile.readUtf8(file, max)).getMessage();
  }

  @Test
  void readsASmallUtf8FileWithoutItsByteOrderMark() throws Exception {
    Path f = Files.write(dir.resolve("t"), "\ufeffh\u00e9llo\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("h\u00e9llo\n", SmallFile.readUtf8(f, 64));
    Path exact = Files.write(dir.resolve("exact"), new byte[64]);
    assertEquals(64, SmallFile.readUtf8(exact, 64).length(), "a file of exactly the bound is read");
  }

  @Test
  void refusesWhatIsNotASmallRegularUtf8File() throws Exception {
    assertEquals("no such file", refusal(dir.resolve("missing"), 64));
    assertEquals("is a directory", refusal(dir, 64));
    Path big = dir.resolve("big");
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(10L << 30);   // sparse: 10 GiB that cost nothing, refused from its size alone
    }
    assertEquals("is larger than 64 KiB", refusal(big, 64 * 1024));
    assertEquals("is not UTF-8 text", refusal(Files.write(dir.resolve("latin1"), new byte[] {'a', (byte) 0xe9}), 64));
  }

  @Test
  void aLinkIsJudgedByItsTarget() throws Exception {
    Path target = Files.write(dir.resolve("token"), "t0k".getBytes(StandardCharsets.UTF_8));
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);
    assertEquals("t0k", SmallFile.readUtf8(link, 64), "a mounted secret is a symlink: read through it");
    Path zero = Paths.get("/dev/zero");
    if (Files.exists(zero)) {
      Path toDevice = Files.createSymbolicLink(dir.resolve("to-zero"), zero);
      assertTrue(refusal(toDevice, 64).startsWith("is not a regular file"));
      assertTrue(refusal(zero, 64).startsWith("is not a regular file"));
      // Removed here: JUnit warns about a link out of its temporary directory when it cleans up.
      Files.delete(toDevice);
    }
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
    assertEquals("no such file", refusal(dangling, 64));
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aNamedPipeIsRefusedNotWaitedFor() throws Exception {
    Path fifo = CliRun.fifo(dir);
    assertTrue(refusal(fifo, 64).startsWith("is not a regular file"));
    Path link = Files.createSymbolicLink(dir.resolve("to-fifo"), fifo);
    assertTrue(refusal(link, 64).startsWith("is not a regular file"));
  }

  @Test
  void aBadJobIdNamesTheArgumentNotTheSdkParameter() {
    CliRun cli = new CliRun(dir);
    assertEquals(2, cli.run("show", "a/b", "--emulator"));
    assertTrue(cli.err().startsWith("error: JOB_ID must not contain '/'"), cli.err());
    assertEquals(2, cli.run("wait", "ok", "x".repeat(200), "--emulator"));
    assertTrue(cli.err().startsWith("error: JOB_ID is 200 characters long"), cli.err());
  }

  /** The SDK's internal packages are another engineer's to reorganise: no CLI class may refer to them. */
  @Test
  void theCliUsesOnlyTheSdksPublicApi() throws IOException, URISyntaxException {
    Path classes = Paths.get(SfsTurboJobsCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    byte[] internal = "io/sfsturbo/jobs/internal/".getBytes(StandardCharsets.UTF_8);
    List<String> offenders = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path c : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        checked++;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(c)) {
          bytes = in.readAllBytes();
        }
        if (indexOf(bytes, internal) >= 0) {
          offenders.add(classes.relativize(c).toString());
        }
      }
    }
    assertTrue(checked > 10, "no classes found under " + classes);
    assertTrue(offenders.isEmpty(), "refer to io.sfsturbo.jobs.internal: " + offenders);
    assertFalse(classes.toString().endsWith(".jar"), "runs on the compiled classes, not a jar: " + classes);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
