/**
 * How a storage failure reaches the business code, whatever the database: as a conflict that
 * changed nothing and is worth a retry of the whole transaction, or as an outage. The business
 * packages catch these and know nothing of JDBC.
 */
package com.saldo.store;
