/** How storage failures reach the business code: as a conflict worth a retry, or an outage. */
package com.saldo.ledger.store;
