package io.trainproof.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of ARCHITECTURE.md, held by ArchUnit. */
class ArchitectureTest {
  static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.trainproof.core");
  }

  @Test
  void coreKnowsNoAdapter() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "jakarta..",
                "javax.persistence..",
                "java.sql..",
                "javax.sql..",
                "org.hibernate..",
                "org.postgresql..",
                "org.mariadb..",
                "com.mysql..",
                "org.h2..",
                "org.bouncycastle..",
                "com.fasterxml.jackson..",
                "org.apache.pdfbox..",
                "com.google.zxing..")
            .because(
                "core builds and passes its tests with no Jakarta, JDBC, crypto, JSON or PDF library");
    rule.check(core);
  }

  @Test
  void coreNeverPrintsToStandardStreams() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(core);
  }

  @Test
  void coreUsesNoJavaUtilLoggingNorGenericExceptions() {
    GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(core);
    GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(core);
  }

  @Test
  void theApiDoesNotDependOnInternals() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.trainproof.core.internal..", "io.trainproof.core")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.trainproof.core.internal..")
        .because("internal is implementation; only the entry point wires it")
        .check(core);
  }

  @Test
  void theSpiAndTheDomainStayFreeOfServices() {
    noClasses()
        .that()
        .resideInAnyPackage("io.trainproof.core.spi..", "io.trainproof.core.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.trainproof.core.internal..", "io.trainproof.core.memory..")
        .check(core);
  }

  @Test
  void exceptionsShareOneRoot() {
    classes()
        .that()
        .areAssignableTo(RuntimeException.class)
        .and()
        .resideInAPackage("io.trainproof..")
        .should()
        .beAssignableTo(TrainproofException.class)
        .check(core);
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
        .because("every time-dependent service takes a java.time.Clock")
        .check(core);
  }
}
