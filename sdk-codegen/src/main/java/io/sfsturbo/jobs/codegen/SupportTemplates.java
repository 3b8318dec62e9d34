// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.codegen;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openapitools.codegen.SupportingFile;

/**
 * The code the generated model stands on (its interfaces, JSON helpers, the API's time format, safe text, the
 * module descriptor), kept as templates in {@code <templates>/support} and written out at every build like the
 * model, so that the generated module holds no hand-edited Java (the design card's rule) while its support still
 * lives beside its templates. {@code support/<root>/<path>.mustache} becomes {@code src/main/<root>/<path>} of
 * the generator's output, for example {@code support/java/io/sfsturbo/jobs/model/JobState.java.mustache}.
 */
final class SupportTemplates {
  static final String FOLDER = "support";
  private static final String SUFFIX = ".mustache";

  private SupportTemplates() {}

  /** The support files under the template directory, in a stable order; none when it has no support folder. */
  static List<SupportingFile> under(String templateDir) {
    if (templateDir == null) {
      return new ArrayList<>();
    }
    Path support = Paths.get(templateDir, FOLDER);
    if (!Files.isDirectory(support)) {
      return new ArrayList<>();
    }
    List<Path> templates;
    try (Stream<Path> all = Files.walk(support)) {
      templates = all.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(SUFFIX))
          .sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the support templates in " + support, e);
    }
    List<SupportingFile> files = new ArrayList<>();
    for (Path template : templates) {
      Path relative = support.relativize(template);
      if (relative.getNameCount() < 2) {
        throw new IllegalArgumentException("support template " + template + " is not under a source root folder "
            + "(support/java/..., support/java9/...)");
      }
      String name = relative.getFileName().toString();
      String folder = "src/main/" + slashes(relative.getParent());
      files.add(new SupportingFile(FOLDER + "/" + slashes(relative), folder,
          name.substring(0, name.length() - SUFFIX.length())));
    }
    return files;
  }

  private static String slashes(Path path) {
    return path.toString().replace(File.separatorChar, '/');
  }
}
