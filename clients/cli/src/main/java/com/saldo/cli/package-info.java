/**
 * The {@code saldo} command line over the Java client, with picocli: one class per command group,
 * {@link com.saldo.cli.Config} for where Saldo is and which key to use, CSV import and export
 * streamed with {@link com.saldo.cli.Progress}.
 */
package com.saldo.cli;
