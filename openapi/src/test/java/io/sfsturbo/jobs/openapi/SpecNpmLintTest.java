// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's other lint (lint-spec.mjs: Spectral and Redocly, installed by the validate phase)
 * fails on a finding of either tool, a warning included: a copy of the spec with three findings
 * injected fails, with each tool's report.
 */
class SpecNpmLintTest {
  @Test
  void injectedFindingsFailTheLint(@TempDir Path dir) throws Exception {
    assumeFalse(Boolean.getBoolean("spec.npm-lint.skip"), "the npm lint is skipped in this build");
    Path basedir = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    String text = new String(Files.readAllBytes(basedir.resolve("src/main/resources/openapi/sfs-turbo-jobs.yaml")),
        StandardCharsets.UTF_8);
    // Spectral, a warning: the contact without its email (contact-properties).
    String injected = text.replaceFirst("\n    email: [^\n]+\n", "\n");
    // Spectral, an error: a 403 union whose branches any body matches both of, as before.
    injected = injected.replaceFirst("\n        - allOf:\n            - (\\$ref: '#/components/schemas/GatewayError')\n"
        + "          required: \\[error_code\\]\n        - allOf:\n            - (\\$ref: '#/components/schemas/SfsTurboError')\n"
        + "          required: \\[errCode\\]\n", "\n        - $1\n        - $2\n");
    // Redocly only: an operation without a summary (operation-summary).
    injected = injected.replaceFirst("\n      summary: Query the details of a task\n", "\n");
    assertEquals(3, count(text, "\n    email: ", "required: [error_code]", "summary: Query the details of a task"),
        "the anchors of the injected findings");
    assertNotEquals(text, injected);
    assertEquals(0, count(injected, "\n    email: ", "required: [error_code]", "summary: Query the details of a task"),
        "every finding was injected");
    Path copy = dir.resolve("sfs-turbo-jobs.yaml");
    Files.write(copy, injected.getBytes(StandardCharsets.UTF_8));

    Path log = dir.resolve("lint.log");
    Process process = new ProcessBuilder("node", basedir.resolve("lint-spec.mjs").toString(), copy.toString())
        .directory(basedir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "lint-spec.mjs did not finish");
    String report = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    assertEquals(1, process.exitValue(), report);
    assertTrue(report.contains("contact-properties"), report);
    assertTrue(report.contains("oas3-valid-media-example"), report);
    assertTrue(report.contains("operation-summary"), report);
  }

  private static int count(String text, String... needles) {
    int n = 0;
    for (String needle : needles) {
      n += text.contains(needle) ? 1 : 0;
    }
    return n;
  }
}
