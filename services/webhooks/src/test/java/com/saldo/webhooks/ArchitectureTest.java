package com.saldo.webhooks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.saldo.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The shape of the webhooks service: the delivery engine, signing, the SSRF policy and the endpoint
 * model are plain Java; only {@code store} speaks SQL; the web never reaches past the store's API;
 * and time comes only from the injected {@link Clock}.
 */
class ArchitectureTest {

  private static final JavaClasses WEBHOOKS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.saldo.webhooks");

  @Test
  void theEngineAndItsRulesArePlainJava() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.saldo.webhooks.delivery..",
            "com.saldo.webhooks.signing..",
            "com.saldo.webhooks.egress..",
            "com.saldo.webhooks.endpoint..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..")
        .check(WEBHOOKS);
  }

  @Test
  void onlyTheStoreSpeaksSql() {
    noClasses()
        .that()
        .resideOutsideOfPackages("com.saldo.webhooks.store..", "com.saldo.webhooks")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..")
        .check(WEBHOOKS);
  }

  @Test
  void theEngineDoesNotKnowTheWebOrTheStore() {
    noClasses()
        .that()
        .resideInAnyPackage("com.saldo.webhooks.delivery..", "com.saldo.webhooks.egress..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.saldo.webhooks.web..", "com.saldo.webhooks.store..")
        .check(WEBHOOKS);
  }

  @Test
  void timeComesOnlyFromTheInjectedClock() {
    ArchitectureRules.timeOnlyFromTheInjectedClock("WebhooksConfiguration").check(WEBHOOKS);
  }
}
