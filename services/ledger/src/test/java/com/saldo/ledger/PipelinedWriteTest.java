package com.saldo.ledger;

import static com.saldo.ledger.ApiFixtures.openAccount;
import static com.saldo.ledger.ApiFixtures.openFunding;
import static com.saldo.ledger.ApiFixtures.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.transfer.Changes;
import com.saldo.ledger.transfer.Entry;
import com.saldo.ledger.transfer.LedgerStore;
import com.saldo.ledger.transfer.Transfer;
import com.saldo.ledger.transfer.TransferKey;
import com.saldo.testing.Http;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A batch's writes go to PostgreSQL as one pipelined request. Proves that they stay one
 * transaction: when a later statement fails, or touches other rows than it was given, the earlier
 * statements of the same request leave nothing behind.
 */
class PipelinedWriteTest extends LedgerServer {

  @Autowired LedgerStore store;

  private UUID tenant;
  private Transfer stored;

  @BeforeEach
  void oneStoredTransfer() {
    tenant = UUID.randomUUID();
    Http client = tenant(tenant);
    String funding = openFunding(client);
    String customer = openAccount(client);
    Map<String, Object> body = transfer(funding, customer, 500);
    assertThat(client.post("/v1/transfers", body).status()).isEqualTo(201);
    TransferKey key = new TransferKey(tenant, UUID.fromString((String) body.get("id")));
    stored = (Transfer) store.inTransaction(session -> session.findTransfers(Set.of(key)).get(key));
  }

  /** The stored transfer again under a new id, as a batch would insert it. */
  private Transfer copy() {
    Transfer t = stored;
    return new Transfer(
        t.tenantId(),
        UUID.randomUUID(),
        t.debitAccountId(),
        t.creditAccountId(),
        t.amount(),
        t.currency(),
        t.kind(),
        t.status(),
        t.capturedAmount(),
        t.refundOf(),
        t.refundedAmount(),
        t.holdExpiresAt(),
        t.reference(),
        t.metadata(),
        t.createdAt(),
        t.updatedAt(),
        t.requestHash());
  }

  @Test
  void aFailingLaterStatementUndoesTheEarlierOnes() throws SQLException {
    Transfer inserted = copy();
    // the entry names an account that does not exist: its foreign key fails after the transfer
    // row was inserted by the same request
    Entry orphan =
        new Entry(tenant, UUID.randomUUID(), 1, inserted.id(), 500, 500, inserted.createdAt());
    Changes changes =
        new Changes(List.of(inserted), List.of(), List.of(), List.of(orphan), List.of());

    assertThatThrownBy(() -> store.inTransaction(session -> write(session, changes)))
        .hasMessageContaining("23503");
    assertThat(count("transfers", inserted.id())).isZero();
  }

  @Test
  void aStatementThatTouchesOtherRowsThanGivenFailsTheBatch() throws SQLException {
    Transfer inserted = copy();
    AccountKey debit = new AccountKey(tenant, stored.debitAccountId());
    // an account update under an id that is not stored touches no row
    var account =
        store.inTransaction(
            session -> session.lockAccounts(new TreeSet<>(Set.of(debit))).get(debit));
    var ghost =
        new com.saldo.ledger.account.Account(
            tenant,
            UUID.randomUUID(),
            account.currency(),
            null,
            account.status(),
            account.minBalance(),
            account.maxBalance(),
            account.debitsPosted(),
            account.creditsPosted(),
            account.debitsPending(),
            account.creditsPending(),
            account.metadata(),
            account.createdAt(),
            account.updatedAt(),
            account.version(),
            account.entryCount(),
            account.requestHash());
    Changes changes =
        new Changes(List.of(inserted), List.of(), List.of(ghost), List.of(), List.of());

    assertThatThrownBy(() -> store.inTransaction(session -> write(session, changes)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("expected 1 rows, touched 0: UPDATE accounts");
    assertThat(count("transfers", inserted.id())).isZero();
  }

  private static Void write(LedgerStore.Session session, Changes changes) {
    session.write(changes);
    return null;
  }

  private long count(String table, UUID id) throws SQLException {
    var db = database();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM ledger." + table + " WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
