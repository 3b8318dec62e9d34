// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK runs on Java 8, so its documentation's snippets must compile there too: this source set compiles
 * for Java 17, and this test compiles the snippets package again with {@code --release 8}, warnings as errors.
 */
class SnippetsOnJava8Test {
  @TempDir Path out;

  @Test
  void theSnippetsCompileForJava8() throws IOException {
    Path root = Paths.get(System.getProperty("sfsturbo.root", "..")).toAbsolutePath().normalize();
    Path dir = root.resolve("integration-tests/src/test/java/io/sfsturbo/jobs/snippets");
    List<String> sources;
    try (Stream<Path> files = Files.list(dir)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted()
          .collect(Collectors.toList());
    }
    assertTrue(sources.size() > 10, "snippet sources missing in " + dir);
    List<String> args = new ArrayList<>(Arrays.asList("--release", "8", "-Xlint:all,-options,-path", "-Werror",
        "-proc:none", "-cp", System.getProperty("java.class.path"), "-d", out.toString()));
    args.addAll(sources);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = javac.run(null, messages, messages, args.toArray(new String[0]));
    assertEquals(0, status, new String(messages.toByteArray(), StandardCharsets.UTF_8));
    assertTrue(new File(out.toFile(), "io/sfsturbo/jobs/snippets/QuickStart.class").isFile());
  }
}
