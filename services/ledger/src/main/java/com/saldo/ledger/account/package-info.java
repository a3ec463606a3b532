/**
 * Accounts: who holds money in which currency, within which bounds, and in which state. Plain Java:
 * the rules of opening and changing an account, and the {@link com.saldo.ledger.account.Accounts}
 * port. How accounts are stored and served lives in the sub-packages.
 */
package com.saldo.ledger.account;
