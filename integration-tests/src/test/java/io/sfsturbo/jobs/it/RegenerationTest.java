// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobDetail;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec drives what users get, with no hand-written change: a copy of the project whose spec gains a
 * property of every common shape (an int64, a double, a boolean, a date-time, an inline enum, arrays of
 * strings, integers and objects, a nested object, a map, a required field), a sub-job field, a status
 * value and an error code is rebuilt offline, and each addition is found where a user meets it: with its
 * Java type in what {@code showJobDetail} returns, decoded from a real HTTP answer of the emulator (which
 * serves the spec's examples), in the error-code catalogue, and in the CLI's JSON and table output. A
 * shape the generator does not bind stops the build with a message that names the schema and property.
 */
class RegenerationTest {
  @TempDir Path temp;

  @Test
  void specAdditionsReachThePublicModelTheEmulatorAndTheCli() throws Exception {
    Path copy = projectCopy(edit(spec()));
    run(copy, temp.resolve("build.log"), mvn(), "-B", "-q", "-o", "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
        "package", "-Dmaven.test.skip=true", "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true",
        "-Dspec.npm-lint.skip=true", "-pl", "sdk-generated,sdk-extensions,sdk-testkit,cli", "-am");
    Path cliJar = copy.resolve("cli/target/sfsturbo-jobs.jar");
    assertTrue(Files.exists(cliJar), "the rebuilt CLI jar is missing");

    // A user's program, compiled for Java 8 against the rebuilt artifacts: it only compiles if each addition
    // is in the public model with its expected type, and it checks the values the emulator served over HTTP.
    Path src = temp.resolve("user/UserProgram.java");
    Files.createDirectories(src.getParent());
    Files.write(src, userProgram().getBytes(StandardCharsets.UTF_8));
    Path classes = temp.resolve("user/classes");
    Files.createDirectories(classes);
    String javaHome = System.getProperty("java.home");
    run(temp, temp.resolve("javac.log"), javaHome + "/bin/javac", "--release", "8", "-Xlint:all", "-Werror", "-cp",
        cliJar.toString(), "-d", classes.toString(), src.toString());
    String program = run(temp, temp.resolve("program.log"), javaHome + "/bin/java", "-cp",
        cliJar + File.pathSeparator + classes, "UserProgram");
    assertTrue(program.contains("model ok"), program);

    String json = run(temp, temp.resolve("json.log"), javaHome + "/bin/java", "-jar", cliJar.toString(), "show",
        "demo-success", "--emulator", "--output", "json");
    assertTrue(json.contains("\"progress_percent\":42"), json);
    assertTrue(json.contains("\"host_name\":\"node-1\""), json);
    assertTrue(json.contains("\"replicas\":[{\"node\":\"node-2\",\"healthy\":true}]"), json);
    String table = run(temp, temp.resolve("table.log"), javaHome + "/bin/java", "-jar", cliJar.toString(), "show",
        "demo-success", "--emulator");
    assertTrue(table.matches("(?s).*Progress percent\\s+42.*"), table);
    assertTrue(table.matches("(?s).*Labels\\s+\\{\"env\":\"prod\"\\}.*"), table);
    assertTrue(table.contains("host_name=node-1"), table);

    // And the real build has none of it.
    assertFalse(Arrays.stream(JobDetail.class.getMethods()).anyMatch(m -> m.getName().equals("progressPercent")));
  }

  @Test
  void aShapeTheGeneratorDoesNotBindStopsTheBuildNamingTheSchemaAndProperty() throws Exception {
    String properties = "    ShowJobDetailResponse:\n      type: object\n      description: The state of an SFS Turbo "
        + "asynchronous task (Table 4).\n      properties:\n";
    String spec = spec();
    assertTrue(spec.contains(properties), "an anchor for the test's edit moved in the spec");
    Path copy = projectCopy(spec.replace(properties, properties
        + "        either:\n          description: A string or a number (added by the test).\n"
        + "          oneOf:\n            - type: string\n            - type: integer\n          example: x\n"));
    // package, so that the generator the build runs is the copy's own (packaged in the reactor), not an
    // installed one.
    Process p = new ProcessBuilder(mvn(), "-B", "-o", "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
        "package", "-Dmaven.test.skip=true", "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true",
        "-Dspec.npm-lint.skip=true", "-pl", "sdk-generated", "-am").directory(copy.toFile()).redirectErrorStream(true)
        .redirectOutput(temp.resolve("bad.log").toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the build did not finish");
    String log = new String(Files.readAllBytes(temp.resolve("bad.log")), StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), log);
    assertTrue(log.contains("schema 'ShowJobDetailResponse', property 'either': a oneOf/anyOf/allOf value"), log);
    assertFalse(Files.exists(copy.resolve("sdk-generated/target/generated-sources/openapi/src/main/java/io/sfsturbo/"
        + "jobs/model/JobDetail.java")), "no code is generated from a spec the generator refused");
  }

  private static String spec() throws IOException {
    Path root = Paths.get(System.getProperty("sfsturbo.root", "..")).toAbsolutePath().normalize();
    return new String(Files.readAllBytes(root.resolve("openapi/src/main/resources/openapi/sfs-turbo-jobs.yaml")),
        StandardCharsets.UTF_8);
  }

  private Path projectCopy(String spec) throws IOException {
    Path root = Paths.get(System.getProperty("sfsturbo.root", "..")).toAbsolutePath().normalize();
    Path copy = Files.createTempDirectory(temp, "project");
    copyProject(root, copy);
    Files.write(copy.resolve("openapi/src/main/resources/openapi/sfs-turbo-jobs.yaml"),
        spec.getBytes(StandardCharsets.UTF_8));
    return copy;
  }

  /** Every common shape, each with the description and example the spec's linters ask for. */
  private static final String ADDED = String.join("\n",
      "        progress_percent:",
      "          type: integer",
      "          description: How far the task has come, in percent (added by the test).",
      "          example: 42",
      "        total_bytes:",
      "          type: integer",
      "          format: int64",
      "          description: Bytes to move, beyond 32 bits (added by the test).",
      "          example: 9007199254740993",
      "        progress_ratio:",
      "          type: number",
      "          format: double",
      "          description: How far the task has come, as a ratio (added by the test).",
      "          example: 0.42",
      "        cancellable:",
      "          type: boolean",
      "          description: Whether the task can still be cancelled (added by the test).",
      "          example: true",
      "        updated_at:",
      "          type: string",
      "          format: date-time",
      "          description: When the task last changed (added by the test).",
      "          example: '2026-01-02T03:04:05Z'",
      "        priority:",
      "          type: string",
      "          description: How urgent the task is (added by the test).",
      "          enum: [low, high]",
      "          example: high",
      "        tags:",
      "          type: array",
      "          description: The task's tags (added by the test).",
      "          items:",
      "            type: string",
      "          example: [blue, green]",
      "        shard_sizes:",
      "          type: array",
      "          description: The size of each shard (added by the test).",
      "          items:",
      "            type: integer",
      "          example: [1, 2, 3]",
      "        placement:",
      "          $ref: '#/components/schemas/Placement'",
      "        replicas:",
      "          type: array",
      "          description: Where the data is copied (added by the test).",
      "          items:",
      "            $ref: '#/components/schemas/Replica'",
      "          example: [{node: node-2, healthy: true}]",
      "        labels:",
      "          type: object",
      "          description: The task's labels (added by the test).",
      "          additionalProperties:",
      "            type: string",
      "          example: {env: prod}",
      "        source:",
      "          type: string",
      "          description: Which console started the task; required (added by the test).",
      "          example: console",
      "");

  private static final String NEW_SCHEMAS = String.join("\n",
      "    Placement:",
      "      type: object",
      "      description: Where the task runs (added by the test).",
      "      properties:",
      "        zone:",
      "          type: string",
      "          description: The availability zone.",
      "          example: az-1",
      "        rack:",
      "          type: integer",
      "          description: The rack.",
      "          example: 7",
      "    Replica:",
      "      type: object",
      "      description: One copy of the data (added by the test).",
      "      properties:",
      "        node:",
      "          type: string",
      "          description: The node holding it.",
      "          example: node-9",
      "        healthy:",
      "          type: boolean",
      "          description: Whether it is in sync.",
      "          example: false",
      "");

  private static String edit(String spec) {
    String subJobs = "        sub_jobs:\n          type: array\n          description: The subtasks of this task.";
    String responseProps = "    ShowJobDetailResponse:\n      type: object\n      description: The state of an SFS Turbo "
        + "asynchronous task (Table 4).\n      properties:\n";
    String subJobProps = "    GetSubJobDetail:\n";
    String statusEnum = "      enum: [success, running, failed, waiting]\n";
    String statusDescriptions = "        - The task is queued and has not started yet.\n";
    String codes = "        - APIGW.0301\n";
    String codeNames = "        - APIGW_INVALID_CREDENTIALS\n";
    String codeDescriptions = "        - 'Invalid or expired signature or token'\n";
    for (String anchor : new String[] {subJobs, responseProps, subJobProps, statusEnum, statusDescriptions, codes,
        codeNames, codeDescriptions}) {
      assertTrue(spec.contains(anchor), "an anchor for the test's edits moved in the spec: " + anchor);
    }
    String edited = spec.replace(subJobs, ADDED + subJobs)
        .replace(responseProps, responseProps.replace("      properties:\n", "      required: [source]\n"
            + "      properties:\n"));
    int sub = edited.indexOf(subJobProps);
    int props = edited.indexOf("      properties:\n", sub) + "      properties:\n".length();
    edited = edited.substring(0, props) + "        host_name:\n          type: string\n"
        + "          description: The node the subtask runs on (added by the test).\n          example: node-1\n"
        + edited.substring(props);
    edited = edited.substring(0, sub) + NEW_SCHEMAS + edited.substring(sub);
    return edited.replace(statusEnum, "      enum: [success, running, failed, waiting, cancelled]\n")
        .replace(statusDescriptions, statusDescriptions + "        - The task was cancelled (added by the test).\n")
        .replace(codes, codes + "        - SFS.TURBO.0999\n")
        .replace(codeNames, codeNames + "        - TEST_ONLY_CODE\n")
        .replace(codeDescriptions, codeDescriptions + "        - 'A code added by the test'\n");
  }

  private static String userProgram() {
    return String.join("\n",
        "import io.sfsturbo.jobs.SfsTurboJobsClient;",
        "import io.sfsturbo.jobs.model.JobDetail;",
        "import io.sfsturbo.jobs.model.JobStatus;",
        "import io.sfsturbo.jobs.model.Placement;",
        "import io.sfsturbo.jobs.model.Replica;",
        "import io.sfsturbo.jobs.model.SfsTurboErrorCode;",
        "import io.sfsturbo.jobs.model.SubJobDetail;",
        "import io.sfsturbo.jobs.testkit.JobScript;",
        "import io.sfsturbo.jobs.testkit.SfsTurboEmulator;",
        "import java.time.OffsetDateTime;",
        "import java.util.Arrays;",
        "import java.util.Collections;",
        "import java.util.List;",
        "import java.util.Map;",
        "public class UserProgram {",
        "  public static void main(String[] args) {",
        "    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().build().start()) {",
        "      emulator.addJob(JobScript.builder(\"j\").status(\"cancelled\", 1)",
        "          .subJob(JobScript.builder(\"s\").status(\"running\", 1)).build());",
        "      try (SfsTurboJobsClient client = emulator.clientBuilder().build()) {",
        "        JobDetail job = client.showJobDetail(\"j\");",
        "        Integer percent = job.progressPercent();",
        "        Long total = job.totalBytes();",
        "        Double ratio = job.progressRatio();",
        "        Boolean cancellable = job.cancellable();",
        "        OffsetDateTime updated = job.updatedAt();",
        "        JobDetail.Priority priority = job.priority();",
        "        List<String> tags = job.tags();",
        "        List<Integer> shards = job.shardSizes();",
        "        Placement placement = job.placement();",
        "        List<Replica> replicas = job.replicas();",
        "        Map<String, String> labels = job.labels();",
        "        String source = job.source();",
        "        SubJobDetail sub = job.subJobs().get(0);",
        "        String raw = job.rawJson();",
        "        check(percent != null && percent == 42, \"progress_percent: \" + raw);",
        "        check(total != null && total == 9007199254740993L, \"total_bytes: \" + raw);",
        "        check(ratio != null && ratio == 0.42, \"progress_ratio: \" + raw);",
        "        check(Boolean.TRUE.equals(cancellable), \"cancellable: \" + raw);",
        "        check(OffsetDateTime.parse(\"2026-01-02T03:04:05Z\").equals(updated), \"updated_at: \" + raw);",
        "        check(priority == JobDetail.Priority.HIGH && \"high\".equals(job.priorityAsString()), \"priority\");",
        "        check(Arrays.asList(\"blue\", \"green\").equals(tags), \"tags: \" + raw);",
        "        check(Arrays.asList(1, 2, 3).equals(shards), \"shard_sizes: \" + raw);",
        "        check(\"az-1\".equals(placement.zone()) && placement.rack() == 7, \"placement: \" + raw);",
        "        check(replicas.size() == 1 && \"node-2\".equals(replicas.get(0).node())",
        "            && Boolean.TRUE.equals(replicas.get(0).healthy()), \"replicas: \" + raw);",
        "        check(Collections.singletonMap(\"env\", \"prod\").equals(labels), \"labels: \" + raw);",
        "        check(\"console\".equals(source), \"source: \" + raw);",
        "        check(\"node-1\".equals(sub.hostName()), \"host_name: \" + raw);",
        "        check(job.status() == JobStatus.CANCELLED, \"status \" + job.statusAsString());",
        "        check(job.status().description().contains(\"cancelled\"), \"status description\");",
        "        check(SfsTurboErrorCode.fromValue(\"SFS.TURBO.0999\") == SfsTurboErrorCode.TEST_ONLY_CODE, \"code\");",
        "        check(JobDetail.builder().source(\"x\").progressPercent(7).build().progressPercent() == 7, \"builder\");",
        "        try {",
        "          JobDetail.builder().build();",
        "          check(false, \"a required field unset must not build\");",
        "        } catch (IllegalStateException expected) {",
        "          check(expected.getMessage().contains(\"source\"), expected.getMessage());",
        "        }",
        "      }",
        "    }",
        "    System.out.println(\"model ok\");",
        "  }",
        "  static void check(boolean ok, String what) {",
        "    if (!ok) { throw new AssertionError(what); }",
        "  }",
        "}");
  }

  /** Copies the project's sources and poms, without build outputs or version control. */
  private static void copyProject(Path root, Path copy) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path rel = root.relativize(p);
        String s = rel.toString().replace(File.separatorChar, '/');
        // The spec's npm linters are the openapi module's own check (skipped in these builds): their
        // node_modules are not copied.
        List<String> parts = Arrays.asList(s.split("/"));
        if (s.startsWith(".git") || parts.contains("target") || parts.contains("node_modules")) {
          continue;
        }
        Path to = copy.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String mvn() {
    return System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
  }

  private static String run(Path dir, Path log, String... command) throws Exception {
    List<String> cmd = new ArrayList<>(Arrays.asList(command));
    Process process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "did not finish: " + cmd);
    String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), String.join(" ", cmd) + "\n" + out);
    return out;
  }
}
