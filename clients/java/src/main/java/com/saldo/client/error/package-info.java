/** What the client throws: the problem Saldo answered (a type per code), or no answer. */
package com.saldo.client.error;
