package io.trainproof.integrations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.trainproof.integrations.roster.RosterSync;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The integrations module's dependency rules. */
class IntegrationsArchitectureTest {
  static JavaClasses integrations;

  @BeforeAll
  static void importModule() {
    integrations =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.trainproof.integrations");
  }

  @Test
  void importsTheModule() {
    // why: an empty import would make every rule below pass vacuously
    org.assertj.core.api.Assertions.assertThat(integrations.contain(RosterSync.class)).isTrue();
  }

  @Test
  void usesOnlyCoresPublicApi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.trainproof.core.internal..",
            "io.trainproof.core.memory..",
            "io.trainproof.core.spi..")
        .because(
            "imports go through core's services so every change is authorized, audited and drives the engine")
        .check(integrations);
  }

  @Test
  void knowsNoPersistenceAndPrintsNothing() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "javax.persistence..", "java.sql..")
        .check(integrations);
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(integrations);
  }

  @Test
  void featurePackagesDoNotDependOnEachOtherExceptCmi5OnXapi() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..integrations.roster..",
            "..integrations.scorm..",
            "..integrations.history..",
            "..integrations.xapi..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..integrations.cmi5..")
        .check(integrations);
  }
}
