package com.saldo.backoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.saldo.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Proves the shape of the backoffice: controllers and the console's pages never speak SQL (the
 * stores do), the console reads and writes the ledger only through the public API's client, and
 * time comes only from the injected clock.
 */
class ArchitectureTest {

  private static final JavaClasses BACKOFFICE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.saldo.backoffice");

  @Test
  void controllersAndPagesReachTheDatabaseOnlyThroughStores() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Controller")
        .or()
        .haveSimpleNameEndingWith("Pages")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
        .check(BACKOFFICE);
  }

  @Test
  void dependsOnNoOtherServicesCode() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.saldo.ledger..",
            "com.saldo.query..",
            "com.saldo.webhooks..",
            "com.saldo.gateway..")
        .check(BACKOFFICE);
  }

  @Test
  void timeComesOnlyFromTheInjectedClock() {
    ArchitectureRules.timeOnlyFromTheInjectedClock("BackofficeApplication").check(BACKOFFICE);
  }
}
