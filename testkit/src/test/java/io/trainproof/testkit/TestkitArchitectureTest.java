package io.trainproof.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The published testkit follows the module rules too: no standard streams, no core internals. */
class TestkitArchitectureTest {
  static final JavaClasses TESTKIT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.trainproof.testkit");

  @Test
  void theTestkitIsNotEmptyAndPrintsNothing() {
    org.assertj.core.api.Assertions.assertThat(TESTKIT).isNotEmpty();
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(TESTKIT);
  }

  @Test
  void theTestkitUsesOnlyCoresApi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.trainproof.core.internal..")
        .because("a store author's contract must not lean on core's implementation")
        .check(TESTKIT);
  }
}
