/**
 * Money as Saldo's API defines it: integer minor units within fixed bounds, and ISO 4217 currency
 * codes. Values and range checks only; no business rules and no dependencies beyond the JDK.
 */
package com.saldo.money;
