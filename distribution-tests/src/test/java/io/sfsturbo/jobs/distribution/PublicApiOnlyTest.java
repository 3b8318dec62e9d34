// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.distribution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The modules built on the SDK use only its public API: no class of theirs refers to
 * {@code io.sfsturbo.jobs.internal}, so that a user who upgrades the SDK alone cannot break them. Read from
 * each module's compiled classes (this module runs last in the reactor), so that a reference hidden in a
 * Javadoc or a string does not count and one made by a lambda or a constant does.
 */
class PublicApiOnlyTest {
  private static final Path ROOT = Paths.get(System.getProperty("sfsturbo.root", ".."));

  @ParameterizedTest
  @ValueSource(strings = {"sdk-testkit", "micrometer", "opentelemetry", "temporal", "cli", "benchmarks"})
  void noModuleBesideTheSdkReachesIntoItsInternals(String module) {
    Path classes = ROOT.resolve(module).resolve("target/classes");
    assertTrue(Files.isDirectory(classes), classes + " is missing: build the reactor (mvn -B install)");
    JavaClasses imported = new ClassFileImporter().importPath(classes);
    assertTrue(imported.size() > 3, module + ": only " + imported.size() + " classes imported from " + classes);
    ArchRule rule = noClasses().should().dependOnClassesThat().resideInAPackage("io.sfsturbo.jobs.internal..")
        .because(module + " is published (or measures what users get) and must build on the SDK's public API");
    rule.check(imported);
  }
}
