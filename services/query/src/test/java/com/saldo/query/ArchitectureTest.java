package com.saldo.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.saldo.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Proves the shape of the query service: its controllers never speak SQL (History does), it never
 * reaches into another service's code, and time comes only from the injected clock.
 */
class ArchitectureTest {

  private static final JavaClasses QUERY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.saldo.query");

  @Test
  void controllersReachTheDatabaseOnlyThroughHistory() {
    ArchitectureRules.webNeverTouchesJdbc().check(QUERY);
  }

  @Test
  void dependsOnNoOtherServicesCode() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.saldo.ledger..",
            "com.saldo.webhooks..",
            "com.saldo.backoffice..",
            "com.saldo.gateway..")
        .check(QUERY);
  }

  @Test
  void timeComesOnlyFromTheInjectedClock() {
    ArchitectureRules.timeOnlyFromTheInjectedClock("QueryApplication").check(QUERY);
  }
}
