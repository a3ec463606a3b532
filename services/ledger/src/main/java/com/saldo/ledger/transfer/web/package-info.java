/** The transfer endpoints of the API: requests in, outcomes to status codes and problems out. */
package com.saldo.ledger.transfer.web;
