/** The account endpoints of the API. */
package com.saldo.ledger.account.web;
