// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The SDK's layering, as rules the build enforces on the compiled classes (the SDK's and the generated
 * client's): each layer depends only on those below it, the engine reaches the boundary only through
 * interfaces, no package cycle, no static mutable state, no reflection to find a class, and no internal
 * type in a public signature.
 *
 * <pre>
 *   client    io.sfsturbo.jobs (the client and its builder: the typed wiring)
 *   features  waiter, internal.waiter, internal.telemetry
 *   engine    internal.engine (the one attempt loop)
 *   boundary  internal.http (where network bytes are checked)
 *   shared    model, api, text, errors, retry, region, auth, config, time, telemetry, internal (support),
 *             internal.auth and internal.region (the support of auth and region):
 *             the vocabulary every layer speaks, which knows none of the layers above
 * </pre>
 */
@AnalyzeClasses(packages = "io.sfsturbo.jobs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] SHARED = {"io.sfsturbo.jobs.model..", "io.sfsturbo.jobs.api..",
      "io.sfsturbo.jobs.text..", "io.sfsturbo.jobs.errors..", "io.sfsturbo.jobs.retry..", "io.sfsturbo.jobs.region..",
      "io.sfsturbo.jobs.auth..", "io.sfsturbo.jobs.config..", "io.sfsturbo.jobs.time..",
      "io.sfsturbo.jobs.telemetry..", "io.sfsturbo.jobs.internal", "io.sfsturbo.jobs.internal.auth..",
      "io.sfsturbo.jobs.internal.region.."};

  @ArchTest
  static final ArchRule layersDependDownwardOnly = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Client").definedBy("io.sfsturbo.jobs")
      .layer("Features").definedBy("io.sfsturbo.jobs.waiter..", "io.sfsturbo.jobs.internal.waiter..",
          "io.sfsturbo.jobs.internal.telemetry..")
      .layer("Engine").definedBy("io.sfsturbo.jobs.internal.engine..")
      .layer("Boundary").definedBy("io.sfsturbo.jobs.internal.http..")
      .layer("Shared").definedBy(SHARED)
      .whereLayer("Client").mayNotBeAccessedByAnyLayer()
      .whereLayer("Features").mayOnlyBeAccessedByLayers("Client")
      .whereLayer("Engine").mayOnlyBeAccessedByLayers("Features", "Client")
      .whereLayer("Boundary").mayOnlyBeAccessedByLayers("Engine", "Client")
      .whereLayer("Shared").mayOnlyAccessLayers("Shared");

  @ArchTest
  static final ArchRule theEngineUsesTheBoundaryThroughInterfacesOnly = noClasses()
      .that().resideInAPackage("io.sfsturbo.jobs.internal.engine..")
      .should().dependOnClassesThat(resideInAPackage("io.sfsturbo.jobs.internal.http..").and(not(INTERFACES)))
      .because("the engine drives one try of an operation through Exchange, whatever the transport");

  @ArchTest
  static final ArchRule noPackageCycle = slices().matching("io.sfsturbo.jobs.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noStaticMutableState = fields().that().areStatic().and().areDeclaredInClassesThat()
      .resideInAPackage("io.sfsturbo.jobs..").should().beFinal()
      .because("a client's parts are made with typed constructors, never found in a static registry");

  @ArchTest
  static final ArchRule noClassIsFoundByName = noClasses().should()
      .callMethod(Class.class, "forName", String.class)
      .orShould().callMethod(Class.class, "forName", String.class, boolean.class, ClassLoader.class)
      .because("every dependency is one the compiler sees");

  private static final DescribedPredicate<JavaClass> INTERNAL = resideInAPackage("..internal..");

  @ArchTest
  static final ArchRule noPublicMethodReturnsAnInternalType = methods().that().arePublic()
      .and().areDeclaredInClassesThat().arePublic()
      .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
      .should().haveRawReturnType(not(INTERNAL));

  @ArchTest
  static final ArchRule noPublicMethodTakesAnInternalType = methods().that().arePublic()
      .and().areDeclaredInClassesThat().arePublic()
      .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
      .should().haveRawParameterTypes(new DescribedPredicate<List<JavaClass>>("no internal type") {
        @Override
        public boolean test(List<JavaClass> types) {
          return types.stream().noneMatch(INTERNAL);
        }
      });
}
