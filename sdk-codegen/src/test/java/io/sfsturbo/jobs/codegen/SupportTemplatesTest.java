// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.SupportingFile;

/** Where each support template is written: {@code support/<root>/<path>.mustache} to {@code src/main/<root>/<path>}. */
class SupportTemplatesTest {
  @TempDir Path templates;

  @Test
  void eachTemplateGoesToItsSourceRootAndPackageWithoutTheSuffix() throws IOException {
    touch("support/java/io/example/model/Helper.java.mustache");
    touch("support/java9/module-info.java.mustache");
    touch("support/java/io/example/notes.txt");          // not a template: left alone
    touch("model.mustache");                              // a model template: not support
    List<String> files = new ArrayList<>();
    for (SupportingFile f : SupportTemplates.under(templates.toString())) {
      files.add(f.getTemplateFile() + " -> " + f.getFolder() + "/" + f.getDestinationFilename());
    }
    assertEquals(Arrays.asList(
        "support/java/io/example/model/Helper.java.mustache -> src/main/java/io/example/model/Helper.java",
        "support/java9/module-info.java.mustache -> src/main/java9/module-info.java"), files);
  }

  @Test
  void aTemplateOutsideASourceRootIsRefusedByName() throws IOException {
    touch("support/Loose.java.mustache");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SupportTemplates.under(templates.toString()));
    assertTrue(e.getMessage().contains("Loose.java.mustache") && e.getMessage().contains("support/java/"),
        e.getMessage());
  }

  @Test
  void noSupportFolderMeansNoSupportFiles() {
    assertTrue(SupportTemplates.under(templates.toString()).isEmpty());
    assertTrue(SupportTemplates.under(null).isEmpty());
  }

  private void touch(String path) throws IOException {
    Path p = templates.resolve(path);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[0]);
  }
}
