/** Standard Webhooks signatures and the sealing of signing secrets at rest. */
package com.saldo.webhooks.signing;
