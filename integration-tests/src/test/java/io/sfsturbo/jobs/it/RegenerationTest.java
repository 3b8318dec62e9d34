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
 * response field, a sub-job field, a status value and an error code is rebuilt, and each addition is
 * found where a user meets it: in the return type of {@code showJobDetail} and its sub-jobs, served by
 * the emulator, in the error-code catalogue, and in the CLI's JSON and table output.
 */
class RegenerationTest {
  @TempDir Path temp;

  @Test
  void specAdditionsReachThePublicModelTheEmulatorAndTheCli() throws Exception {
    Path root = Paths.get(System.getProperty("sfsturbo.root", "..")).toAbsolutePath().normalize();
    Path copy = temp.resolve("project");
    copyProject(root, copy);
    Path spec = copy.resolve("openapi/src/main/resources/openapi/sfs-turbo-jobs.yaml");
    String original = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
    Files.write(spec, edit(original).getBytes(StandardCharsets.UTF_8));

    run(copy, temp.resolve("build.log"), mvn(), "-B", "-q", "-o", "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
        "package", "-DskipTests", "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true",
        "-pl", "sdk-extensions,sdk-testkit,cli", "-am");
    Path cliJar = copy.resolve("cli/target/sfsturbo-jobs.jar");
    assertTrue(Files.exists(cliJar), "the rebuilt CLI jar is missing");

    // A user's program, compiled against the rebuilt artifacts: it only compiles if the additions are
    // in the public model and the catalogue, and it checks what the emulator serves.
    Path src = temp.resolve("user/UserProgram.java");
    Files.createDirectories(src.getParent());
    Files.write(src, userProgram().getBytes(StandardCharsets.UTF_8));
    Path classes = temp.resolve("user/classes");
    Files.createDirectories(classes);
    String javaHome = System.getProperty("java.home");
    run(temp, temp.resolve("javac.log"), javaHome + "/bin/javac", "--release", "8", "-cp", cliJar.toString(), "-d",
        classes.toString(), src.toString());
    String program = run(temp, temp.resolve("program.log"), javaHome + "/bin/java", "-cp",
        cliJar + File.pathSeparator + classes, "UserProgram");
    assertTrue(program.contains("model ok"), program);

    String json = run(temp, temp.resolve("json.log"), javaHome + "/bin/java", "-jar", cliJar.toString(), "show",
        "demo-success", "--emulator", "--output", "json");
    assertTrue(json.contains("\"progress_percent\":42"), json);
    assertTrue(json.contains("\"host_name\":\"node-1\""), json);
    String table = run(temp, temp.resolve("table.log"), javaHome + "/bin/java", "-jar", cliJar.toString(), "show",
        "demo-success", "--emulator");
    assertTrue(table.matches("(?s).*Progress percent\\s+42.*"), table);
    assertTrue(table.contains("host_name=node-1"), table);

    // And the real build has none of it.
    assertFalse(Arrays.stream(JobDetail.class.getMethods()).anyMatch(m -> m.getName().equals("progressPercent")));
  }

  private static String edit(String spec) {
    String subJobs = "        sub_jobs:\n          type: array\n          description: The subtasks of this task.";
    String subJobProps = "    GetSubJobDetail:\n";
    String statusEnum = "      enum: [success, running, failed, waiting]\n";
    String statusDescriptions = "        - The task is queued and has not started yet.\n";
    String codes = "        - APIGW.0301\n";
    String codeNames = "        - APIGW_INVALID_CREDENTIALS\n";
    String codeDescriptions = "        - 'Invalid or expired signature or token'\n";
    for (String anchor : new String[] {subJobs, subJobProps, statusEnum, statusDescriptions, codes, codeNames,
        codeDescriptions}) {
      assertTrue(spec.contains(anchor), "an anchor for the test's edits moved in the spec: " + anchor);
    }
    String edited = spec.replace(subJobs, "        progress_percent:\n          type: integer\n"
        + "          description: How far the task has come, in percent (added by the test).\n"
        + "          example: 42\n" + subJobs);
    int sub = edited.indexOf(subJobProps);
    int props = edited.indexOf("      properties:\n", sub) + "      properties:\n".length();
    edited = edited.substring(0, props) + "        host_name:\n          type: string\n"
        + "          description: The node the subtask runs on (added by the test).\n          example: node-1\n"
        + edited.substring(props);
    return edited.replace(statusEnum, "      enum: [success, running, failed, waiting, cancelled]\n")
        .replace(statusDescriptions, statusDescriptions + "        - The task was cancelled (added by the test).\n")
        .replace(codes, codes + "        - SFS.TURBO.0999\n")
        .replace(codeNames, codeNames + "        - TEST_ONLY_CODE\n")
        .replace(codeDescriptions, codeDescriptions + "        - 'A code added by the test'\n");
  }

  private static String userProgram() {
    return String.join("\n",
        "import io.sfsturbo.jobs.SfsTurboJobsClient;",
        "import io.sfsturbo.jobs.auth.TokenCredentials;",
        "import io.sfsturbo.jobs.model.JobDetail;",
        "import io.sfsturbo.jobs.model.JobStatus;",
        "import io.sfsturbo.jobs.model.SfsTurboErrorCode;",
        "import io.sfsturbo.jobs.model.SubJobDetail;",
        "import io.sfsturbo.jobs.testkit.JobScript;",
        "import io.sfsturbo.jobs.testkit.SfsTurboEmulator;",
        "public class UserProgram {",
        "  public static void main(String[] args) {",
        "    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().build().start()) {",
        "      emulator.addJob(JobScript.builder(\"j\").status(\"cancelled\", 1)",
        "          .subJob(JobScript.builder(\"s\").status(\"running\", 1)).build());",
        "      try (SfsTurboJobsClient client = emulator.clientBuilder().build()) {",
        "        JobDetail job = client.showJobDetail(\"j\");",
        "        Integer percent = job.progressPercent();",
        "        SubJobDetail sub = job.subJobs().get(0);",
        "        check(percent != null && percent == 42, \"progress_percent served: \" + job.rawJson());",
        "        check(\"node-1\".equals(sub.hostName()), \"host_name served: \" + job.rawJson());",
        "        check(job.status() == JobStatus.CANCELLED, \"status \" + job.statusAsString());",
        "        check(job.status().description().contains(\"cancelled\"), \"status description\");",
        "        check(SfsTurboErrorCode.fromValue(\"SFS.TURBO.0999\") == SfsTurboErrorCode.TEST_ONLY_CODE, \"code\");",
        "        check(JobDetail.builder().progressPercent(7).build().progressPercent() == 7, \"builder\");",
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
        if (s.startsWith(".git") || s.contains("target") && Arrays.asList(s.split("/")).contains("target")) {
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
