package io.trainproof.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.trainproof.core.TrainproofException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md that apply to reporting, held by ArchUnit. */
class ReportingArchitectureTest {
  static JavaClasses reporting;

  @BeforeAll
  static void importClasses() {
    reporting =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.trainproof.reporting");
  }

  @Test
  void reportingUsesOnlyCoresApiNeverItsInternalsOrStore() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.trainproof.core.internal..", "io.trainproof.core.spi..", "io.trainproof.signing..")
        .because("reports go through the services, as the actor, so scope and grants hold")
        .check(reporting);
  }

  @Test
  void theReportModelsAndEvidenceApiStayFreeOfImplementation() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.trainproof.reporting.report..", "io.trainproof.reporting.evidence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.trainproof.reporting.internal..",
            "org.apache.pdfbox..",
            "org.apache.commons.csv..",
            "com.fasterxml.jackson..",
            "com.google.zxing..")
        .check(reporting);
  }

  @Test
  void noStandardStreamsNoGenericExceptionsOneRoot() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(reporting);
    GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(reporting);
    classes()
        .that()
        .areAssignableTo(RuntimeException.class)
        .and()
        .resideInAPackage("io.trainproof..")
        .should()
        .beAssignableTo(TrainproofException.class)
        .check(reporting);
  }

  @Test
  void timeComesFromAnInjectedClock() {
    noClasses()
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(reporting);
  }
}
