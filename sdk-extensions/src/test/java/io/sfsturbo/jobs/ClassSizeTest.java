// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One idea per class: a source file past 350 lines has grown a second one and wants splitting, as the
 * engine, the waiter and the credentials were. Read from the sources, Javadoc included, as a reader meets them.
 */
class ClassSizeTest {
  private static final int MAX_LINES = 350;

  @Test
  void noSourceFileIsLongerThan350Lines() throws IOException {
    Path sources = Paths.get("src/main/java");
    List<Path> files;
    try (Stream<Path> all = Files.walk(sources)) {
      files = all.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    assertTrue(files.size() > 100, "the SDK's sources were not found under " + sources.toAbsolutePath());
    List<String> tooLong = new ArrayList<>();
    for (Path file : files) {
      int lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
      if (lines > MAX_LINES) {
        tooLong.add(sources.relativize(file) + ": " + lines + " lines");
      }
    }
    assertEquals(new ArrayList<String>(), tooLong, "longer than " + MAX_LINES + " lines: split by idea");
  }
}
