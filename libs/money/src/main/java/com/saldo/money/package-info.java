/**
 * Money as Saldo's API defines it: the bounds of integer minor units, and ISO 4217 currency codes
 * with their minor digits. Constants and range checks only (amounts travel as {@code long}, ADR 8);
 * no business rules and no dependencies beyond the JDK.
 */
package com.saldo.money;
