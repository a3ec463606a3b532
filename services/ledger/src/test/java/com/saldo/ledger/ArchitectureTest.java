package com.saldo.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.saldo.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Proves the shape of the ledger: the business packages are plain Java (no Spring, Jackson, JDBC or
 * servlet), adapters never depend on each other's web side, and no float or double comes near
 * money, and time comes only from the injected clock.
 */
class ArchitectureTest {

  private static final JavaClasses LEDGER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.saldo.ledger");

  @Test
  void businessPackagesArePlainJava() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.saldo.ledger.account",
            "com.saldo.ledger.transfer",
            "com.saldo.ledger.transfer.engine")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "tools.jackson..",
            "com.fasterxml..",
            "java.sql..",
            "javax.sql..",
            "jakarta..")
        .check(LEDGER);
  }

  @Test
  void businessPackagesDoNotKnowTheirAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.saldo.ledger.account",
            "com.saldo.ledger.transfer",
            "com.saldo.ledger.transfer.engine")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..web..", "..jdbc..", "com.saldo.ledger.json..")
        .check(LEDGER);
  }

  @Test
  void storageDoesNotDependOnTheWeb() {
    noClasses()
        .that()
        .resideInAPackage("..jdbc..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..web..")
        .check(LEDGER);
  }

  @Test
  void noFloatingPointNearMoney() {
    fields()
        .should()
        .notHaveRawType(double.class)
        .andShould()
        .notHaveRawType(float.class)
        .andShould()
        .notHaveRawType(Double.class)
        .andShould()
        .notHaveRawType(Float.class)
        .check(LEDGER);
    methods()
        .should()
        .notHaveRawReturnType(double.class)
        .andShould()
        .notHaveRawReturnType(float.class)
        .check(LEDGER);
  }

  @Test
  void timeComesOnlyFromTheInjectedClock() {
    ArchitectureRules.timeOnlyFromTheInjectedClock("LedgerConfiguration").check(LEDGER);
  }
}
