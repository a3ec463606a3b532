package com.saldo.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** The architecture rules every service keeps, each service's ArchitectureTest checks them. */
public final class ArchitectureRules {

  private ArchitectureRules() {}

  /**
   * Time comes only from the injected {@link Clock}, so a test can fix it: no class but the one
   * that makes the clock bean reads the system's time.
   */
  public static ArchRule timeOnlyFromTheInjectedClock(String clockBeanClass) {
    return noClasses()
        .that()
        .doNotHaveSimpleName(clockBeanClass)
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .because("every test must be able to fix the time through the injected Clock");
  }

  /**
   * Controllers, and the classes of any package named, reach the database only through a store: SQL
   * lives in one place per service, where a second database's dialect can reach it.
   */
  public static ArchRule webNeverTouchesJdbc(String... webPackages) {
    var web = noClasses().that().haveSimpleNameEndingWith("Controller");
    if (webPackages.length > 0) {
      web = web.or().resideInAnyPackage(webPackages);
    }
    return web.should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
        .because("SQL lives in the stores, where the dialect seam can reach it");
  }
}
