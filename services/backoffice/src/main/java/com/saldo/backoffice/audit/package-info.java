/** The append-only audit log: who did what to which tenant or key, when, in which request. */
package com.saldo.backoffice.audit;
