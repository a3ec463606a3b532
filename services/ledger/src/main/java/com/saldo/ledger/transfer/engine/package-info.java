/**
 * The write engine: a bounded queue of commands drained by a few writer threads, each taking
 * everything queued (up to a limit) as one batch and one database transaction. At low load a batch
 * is one command and costs one commit; under load batches grow by themselves.
 */
package com.saldo.ledger.transfer.engine;
