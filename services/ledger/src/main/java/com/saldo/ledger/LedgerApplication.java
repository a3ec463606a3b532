package com.saldo.ledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The ledger service: accounts and transfers, strongly consistent, on the write engine. */
@SpringBootApplication
@EnableConfigurationProperties(LedgerLimits.class)
public class LedgerApplication {

  public static void main(String[] args) {
    SpringApplication.run(LedgerApplication.class, args);
  }
}
