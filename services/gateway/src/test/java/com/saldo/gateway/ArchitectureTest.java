package com.saldo.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.saldo.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Proves the shape of the gateway: it owns nothing durable (no database access of any kind), it
 * depends on no other service's code, and time comes only from the injected clock.
 */
class ArchitectureTest {

  private static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.saldo.gateway");

  @Test
  void ownsNoDatabase() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
        .check(GATEWAY);
  }

  @Test
  void talksToOtherServicesOverHttpOnly() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.saldo.ledger..",
            "com.saldo.query..",
            "com.saldo.webhooks..",
            "com.saldo.backoffice..",
            "com.saldo.client..")
        .check(GATEWAY);
  }

  @Test
  void timeComesOnlyFromTheInjectedClock() {
    ArchitectureRules.timeOnlyFromTheInjectedClock("GatewayApplication").check(GATEWAY);
  }
}
