package com.saldo.cli;

import picocli.CommandLine.Option;

/** The paging options every list command takes. */
final class Paging {

  @Option(names = "--limit", defaultValue = "100", description = "items per page, 1 to 1000")
  int limit;

  @Option(names = "--cursor", description = "the page after the one that printed this cursor")
  String cursor;
}
