// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The codesnippet plugin checks the Java blocks that name a snippet ("```java some.id"); a Java block without
 * an id would escape it. Every Java block of README.md and docs/*.md must name one.
 */
class SnippetFencesTest {
  private static final Pattern CHECKED = Pattern.compile("```java [a-zA-Z0-9.#_-]+\\s*");

  @Test
  void everyJavaBlockOfTheDocsNamesItsSource() throws IOException {
    Path root = Paths.get(System.getProperty("sfsturbo.root", "..")).toAbsolutePath().normalize();
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      pages.addAll(docs.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
    }
    assertTrue(pages.size() > 10, "docs/ is missing: " + pages);
    List<String> unchecked = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.trim().startsWith("```java")) {
          if (CHECKED.matcher(line).matches()) {    // not indented: the plugin reads fences at the line start
            checked++;
          } else {
            unchecked.add(root.relativize(page) + ":" + (i + 1) + ": " + line);
          }
        }
      }
    }
    assertEquals(new ArrayList<String>(), unchecked, "Java blocks that name no snippet (see docs/contributing.md)");
    assertTrue(checked >= 20, "only " + checked + " checked Java blocks found");
  }
}
