/** Tenants: the retailers whose accounts Saldo keeps. Created and listed by operators. */
package com.saldo.backoffice.tenant;
