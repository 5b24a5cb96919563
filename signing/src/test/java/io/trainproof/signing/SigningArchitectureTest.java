package io.trainproof.signing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The signing module's dependency rules, held by ArchUnit over its main classes. */
class SigningArchitectureTest {
  static JavaClasses signing;

  @BeforeAll
  static void importSigning() {
    signing =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.trainproof.signing");
  }

  @Test
  void importsTheModule() {
    // why: an empty import would make every rule below pass vacuously
    org.assertj.core.api.Assertions.assertThat(signing.contain(SigningCredentialIssuer.class))
        .isTrue();
  }

  @Test
  void signingKnowsNoPersistence() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.persistence..",
            "javax.persistence..",
            "java.sql..",
            "javax.sql..",
            "org.hibernate..")
        .because("signing is handed claims and returns JSON; the store is core's business")
        .check(signing);
  }

  @Test
  void signingUsesOnlyCoresApiNotItsInternals() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.trainproof.core.internal..", "io.trainproof.core.memory..")
        .because("signing plugs in through core's SPI and public types only")
        .check(signing);
  }

  @Test
  void signingNeverPrintsToStandardStreams() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(signing);
  }
}
