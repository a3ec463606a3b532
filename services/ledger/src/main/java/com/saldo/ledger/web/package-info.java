/** What the ledger's controllers share: query parameters, cursors, waiting for the engine. */
package com.saldo.ledger.web;
