// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the generated client follows the spec with no other step: the sdk-generated
 * module's own build, pointed at a copy of the spec with one more field, generates a model
 * with that field (and the real spec's model lacks it).
 */
class RegenerationTest {
  @TempDir Path temp;

  @Test
  void editingTheSpecChangesTheGeneratedModel() throws Exception {
    Path root = Paths.get(System.getProperty("sfsturbo.root", "..")).toAbsolutePath().normalize();
    Path spec = root.resolve("openapi/src/main/resources/openapi/sfs-turbo-jobs.yaml");
    String original = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
    String anchor = "        sub_jobs:\n          type: array\n          description: The subtasks of this task.";
    assertTrue(original.contains(anchor), "the anchor for the test edit moved in the spec");
    String edited = original.replace(anchor,
        "        progress_percent:\n          type: integer\n          description: A field the test adds.\n" + anchor);
    Path editedSpec = temp.resolve("edited.yaml");
    Files.write(editedSpec, edited.getBytes(StandardCharsets.UTF_8));
    Path out = temp.resolve("generated");

    List<String> command = new ArrayList<>();
    command.add(System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn");
    command.add("-B");
    command.add("-q");
    command.add("-o");
    command.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
    command.add("-f");
    command.add(root.resolve("sdk-generated/pom.xml").toString());
    command.add("generate-sources");
    command.add("-Dopenapi.spec=" + editedSpec);
    command.add("-Dopenapi.output=" + out);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(temp.resolve("mvn.log").toFile()).start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the generator build did not finish");
    String log = new String(Files.readAllBytes(temp.resolve("mvn.log")), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), log);

    String model = new String(Files.readAllBytes(out.resolve(
        "src/main/java/io/sfsturbo/jobs/generated/model/ShowJobDetailResponse.java".replace('/', File.separatorChar))),
        StandardCharsets.UTF_8);
    assertTrue(model.contains("\"progress_percent\""), "the edited spec's field is missing from the model");
    assertTrue(model.contains("public Integer getProgressPercent()"), model);

    String regular = new String(Files.readAllBytes(root.resolve(
        "sdk-generated/target/generated-sources/openapi/src/main/java/io/sfsturbo/jobs/generated/model/"
            + "ShowJobDetailResponse.java")), StandardCharsets.UTF_8);
    assertFalse(regular.contains("progress_percent"), "the real build should not have the test field");
  }
}
