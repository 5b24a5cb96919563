package io.trainproof.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.trainproof.architecture.planted.ReachesIntoAutoConfigurationInternals;
import io.trainproof.architecture.planted.ReachesIntoCoreEngine;
import io.trainproof.architecture.planted.ReachesIntoJpaInternals;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * No module reaches into another module's {@code internal} packages (ARCHITECTURE.md, "API, SPI and
 * internal"). The rule reads the main classes of every module, so a class of one module that
 * depends on a class in another module's {@code internal} package, at any depth, fails the build.
 * There is no exemption: not for a module's root package, not for the Spring Boot modules (the
 * auto-configuration and both starters), not for examples or benchmarks.
 */
class ModuleBoundaryTest {
  /** Each module's root package; its implementation lives in {@code <root>..internal..}. */
  static final List<String> MODULES =
      List.of(
          "io.trainproof.core",
          "io.trainproof.testkit",
          "io.trainproof.persistence.jpa",
          "io.trainproof.signing",
          "io.trainproof.reporting",
          "io.trainproof.integrations",
          "io.trainproof.web",
          "io.trainproof.spring.boot.autoconfigure",
          "io.trainproof.spring.boot.starter",
          "io.trainproof.spring.boot3.starter",
          "io.trainproof.examples",
          "io.trainproof.benchmarks");

  private static JavaClasses everyModule;

  @BeforeAll
  static void importEveryModule() {
    everyModule =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.trainproof");
  }

  static ArchRule internalsStayInside(String module) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(module + "..internal..")
        .because(module + "'s internal packages are its implementation, not API (ARCHITECTURE.md)");
  }

  @Test
  void theRuleReadsTheClassesOfEveryModule() {
    for (String module : MODULES) {
      assertThat(everyModule.stream().anyMatch(c -> c.getPackageName().startsWith(module)))
          .as("classes of %s on the class path", module)
          .isTrue();
    }
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void noOtherModuleReachesIntoTheInternalPackagesOf(String module) {
    internalsStayInside(module).check(everyModule);
  }

  @Test
  void aClassOfAnotherModuleThatReachesIntoCoreInternalsBreaksTheRule() {
    JavaClasses planted = new ClassFileImporter().importClasses(ReachesIntoCoreEngine.class);
    EvaluationResult result = internalsStayInside("io.trainproof.core").evaluate(planted);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(
            line ->
                line.contains(ReachesIntoCoreEngine.class.getName())
                    && line.contains("internal.engine"));
  }

  @Test
  void aClassOfAnotherModuleThatReachesIntoJpaInternalsBreaksTheRule() {
    JavaClasses planted = new ClassFileImporter().importClasses(ReachesIntoJpaInternals.class);
    assertThat(
            internalsStayInside("io.trainproof.persistence.jpa").evaluate(planted).hasViolation())
        .isTrue();
    assertThat(internalsStayInside("io.trainproof.signing").evaluate(planted).hasViolation())
        .as("only the module whose internals are reached is named")
        .isFalse();
  }

  @Test
  void aClassOutsideTheAutoConfigurationThatReachesIntoItsInternalsBreaksTheRule() {
    JavaClasses planted =
        new ClassFileImporter().importClasses(ReachesIntoAutoConfigurationInternals.class);
    assertThat(
            internalsStayInside("io.trainproof.spring.boot.autoconfigure")
                .evaluate(planted)
                .hasViolation())
        .isTrue();
    assertThat(
            internalsStayInside("io.trainproof.spring.boot.starter")
                .evaluate(planted)
                .hasViolation())
        .as("only the module whose internals are reached is named")
        .isFalse();
  }
}
