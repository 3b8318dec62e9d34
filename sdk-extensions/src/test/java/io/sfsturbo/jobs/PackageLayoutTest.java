// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout shows the layering: the SDK's packages depend downward only (no cycle), and the
 * engine and the HTTP boundary never reach up into the features or the client.
 */
class PackageLayoutTest {
  private static final Path SOURCES = Paths.get("src/main/java/io/sfsturbo/jobs");
  // The model and the Retrofit interface are generated from the spec: they obey the same layering.
  private static final Path GENERATED = Paths.get("target/generated-sources/openapi/src/main/java/io/sfsturbo/jobs");
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.sfsturbo\\.jobs((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> deps = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    for (Path root : new Path[] {SOURCES, GENERATED}) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
      }
    }
    assertFalse(files.isEmpty(), "no sources found under " + SOURCES.toAbsolutePath());
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      Matcher pkg = Pattern.compile("(?m)^package (io\\.sfsturbo\\.jobs[a-z.]*);").matcher(text);
      assertTrue(pkg.find(), "no package in " + file);
      String from = pkg.group(1);
      Set<String> to = deps.computeIfAbsent(from, k -> new TreeSet<>());
      Matcher m = REFERENCE.matcher(text.substring(pkg.end()));
      while (m.find()) {
        String target = "io.sfsturbo.jobs" + m.group(1);
        if (!target.equals(from) && !target.startsWith("io.sfsturbo.jobs.generated")) {
          to.add(target);
        }
      }
    }
    return deps;
  }

  @Test
  void packagesFormNoCycle() throws IOException {
    Map<String, Set<String>> deps = dependencies();
    List<String> cycles = new ArrayList<>();
    for (String start : deps.keySet()) {
      findCycle(deps, start, new ArrayList<>(), cycles);
    }
    assertEquals(new ArrayList<>(), cycles, "package cycles; dependencies: " + deps);
  }

  private static void findCycle(Map<String, Set<String>> deps, String at, List<String> path, List<String> cycles) {
    if (path.contains(at)) {
      if (path.get(0).equals(at)) {
        cycles.add(String.join(" -> ", path) + " -> " + at);
      }
      return;
    }
    path.add(at);
    for (String next : deps.getOrDefault(at, new TreeSet<>())) {
      findCycle(deps, next, path, cycles);
    }
    path.remove(path.size() - 1);
  }

  @Test
  void theEngineAndTheBoundaryDependOnNothingAboveThem() throws IOException {
    Map<String, Set<String>> deps = dependencies();
    Set<String> below = new TreeSet<>(java.util.Arrays.asList("io.sfsturbo.jobs.errors", "io.sfsturbo.jobs.internal",
        "io.sfsturbo.jobs.retry", "io.sfsturbo.jobs.internal.http", "io.sfsturbo.jobs.internal.engine",
        "io.sfsturbo.jobs.model", "io.sfsturbo.jobs.internal.api"));
    for (String layer : new String[] {"io.sfsturbo.jobs.internal.engine", "io.sfsturbo.jobs.internal.http",
        "io.sfsturbo.jobs.internal"}) {
      for (String target : deps.get(layer)) {
        assertTrue(below.contains(target), layer + " depends on " + target);
      }
    }
  }

  @Test
  void theModelIsAtTheBottomAndUsesOnlyTheInternalHelpers() throws IOException {
    Map<String, Set<String>> deps = dependencies();
    assertEquals(new TreeSet<>(java.util.Collections.singleton("io.sfsturbo.jobs.internal")),
        deps.get("io.sfsturbo.jobs.model"));
    assertTrue(deps.get("io.sfsturbo.jobs.internal").isEmpty() || !deps.get("io.sfsturbo.jobs.internal")
        .contains("io.sfsturbo.jobs.model"), "internal helpers must not know the model");
  }

  @Test
  void theWaiterCallsNoStaticHelperOfRetry() throws IOException {
    // What is transient is the exception's to say (SfsTurboException.isRetryable); the waiter
    // uses retry's values (Backoff, RetryPolicy), never a static rule of it.
    Pattern staticCall = Pattern.compile("\\b(RetryPolicy|Backoff)\\.(?!of\\(|defaults\\(|none\\(|builder\\()[a-z]\\w*\\(");
    try (Stream<Path> walk = Files.walk(SOURCES.resolve("waiter"))) {
      for (Path file : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".java"))::iterator) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Matcher m = staticCall.matcher(text);
        assertFalse(m.find(), () -> file + " calls " + m.group());
      }
    }
  }
}
