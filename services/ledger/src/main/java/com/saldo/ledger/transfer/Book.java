package com.saldo.ledger.transfer;

import com.saldo.ledger.account.Account;
import com.saldo.ledger.account.AccountKey;
import com.saldo.ledger.account.AccountStatus;
import com.saldo.ledger.transfer.Command.CaptureHold;
import com.saldo.ledger.transfer.Command.ExpireHold;
import com.saldo.ledger.transfer.Command.SubmitTransfers;
import com.saldo.ledger.transfer.Command.VoidHold;
import com.saldo.ledger.transfer.TransferOutcome.Changed;
import com.saldo.ledger.transfer.TransferOutcome.Created;
import com.saldo.ledger.transfer.TransferOutcome.Rejected;
import com.saldo.ledger.transfer.TransferOutcome.Replayed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The rules of the ledger, applied in memory to the locked accounts of one batch. Each command is
 * decided against the state that the commands before it left, so a batch decides exactly as the
 * same commands would one by one. What it decided is read back with {@link #changes()}.
 *
 * <p>Every sum is computed with exact arithmetic: an overflow rejects the transfer instead of
 * wrapping around.
 */
public final class Book {

  private final Instant now;
  private final Supplier<UUID> ids;
  private Map<AccountKey, Account> accounts;
  private Map<TransferKey, Recorded> known;
  private LinkedHashMap<TransferKey, Recorded> inserted = new LinkedHashMap<>();
  private LinkedHashMap<TransferKey, Transfer> updated = new LinkedHashMap<>();
  private TreeMap<AccountKey, Account> changedAccounts = new TreeMap<>();
  private final List<Entry> entries = new ArrayList<>();
  private final List<TransferEvent> events = new ArrayList<>();

  public Book(
      Instant now,
      Map<AccountKey, Account> lockedAccounts,
      Map<TransferKey, Recorded> knownTransfers,
      Supplier<UUID> ids) {
    this.now = now;
    this.ids = ids;
    this.accounts = new HashMap<>(lockedAccounts);
    this.known = new HashMap<>(knownTransfers);
  }

  public Changes changes() {
    return new Changes(
        List.copyOf(inserted.values()),
        List.copyOf(updated.values()),
        List.copyOf(changedAccounts.values()),
        List.copyOf(entries),
        List.copyOf(events));
  }

  public List<TransferOutcome> apply(Command command) {
    return switch (command) {
      case SubmitTransfers submit ->
          submit.atomic() ? submitAtomically(submit.requests()) : submitEach(submit.requests());
      case CaptureHold capture -> List.of(capture(capture.hold(), capture.amount()));
      case VoidHold release -> List.of(release(release.hold(), false));
      case ExpireHold expire -> List.of(release(expire.hold(), true));
    };
  }

  private List<TransferOutcome> submitEach(List<TransferRequest> requests) {
    List<TransferOutcome> outcomes = new ArrayList<>(requests.size());
    for (TransferRequest request : requests) {
      outcomes.add(create(request));
    }
    return outcomes;
  }

  private List<TransferOutcome> submitAtomically(List<TransferRequest> requests) {
    Snapshot before = snapshot();
    List<TransferOutcome> outcomes = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      TransferOutcome outcome = create(requests.get(i));
      if (outcome instanceof Rejected) {
        restore(before);
        Rejected aborted =
            new Rejected(
                Rejection.BATCH_ABORTED,
                "Transfer " + requests.get(i).id() + " of this atomic batch failed.");
        List<TransferOutcome> all = new ArrayList<>(requests.size());
        for (int j = 0; j < requests.size(); j++) {
          all.add(j == i ? outcome : aborted);
        }
        return all;
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /** Decides one new transfer: a replay, a rejection (kept under its id), or a transfer. */
  public TransferOutcome create(TransferRequest request) {
    Recorded prior = known.get(request.key());
    if (prior != null) {
      return replay(prior, request);
    }
    Rejected rejected = check(request);
    if (rejected != null) {
      record(new RejectedTransfer(request, rejected.reason(), rejected.detail(), now));
      return rejected;
    }
    Account debit = accounts.get(request.debitKey());
    Account credit = accounts.get(request.creditKey());
    long amount = request.amount();
    Transfer transfer;
    if (request.hold()) {
      change(debit, 0, 0, amount, 0);
      change(credit, 0, 0, 0, amount);
      transfer = newTransfer(request, TransferStatus.PENDING);
      event(TransferEvent.PENDING, transfer);
    } else {
      post(debit.key(), credit.key(), amount, 0, request.id());
      transfer = newTransfer(request, TransferStatus.POSTED);
      event(TransferEvent.POSTED, transfer);
    }
    record(transfer);
    if (request.refundOf() != null) {
      Transfer original = (Transfer) known.get(request.refundOfKey());
      Transfer refunded = original.withRefunded(original.refundedAmount() + amount, now);
      update(refunded);
      event(TransferEvent.REFUNDED, refunded);
    }
    return new Created(transfer);
  }

  private static TransferOutcome replay(Recorded prior, TransferRequest request) {
    if (!prior.requestHash().equals(request.requestHash())) {
      return new Rejected(
          Rejection.ID_CONFLICT,
          "Transfer id " + request.id() + " was used before with other fields.");
    }
    return switch (prior) {
      case Transfer transfer -> new Replayed(transfer);
      case RejectedTransfer rejected -> new Rejected(rejected.reason(), rejected.detail());
    };
  }

  /** The first rule the request breaks, in the order of the API contract; null if none. */
  private Rejected check(TransferRequest request) {
    Account debit = accounts.get(request.debitKey());
    Account credit = accounts.get(request.creditKey());
    if (debit == null || credit == null) {
      UUID missing = debit == null ? request.debitAccountId() : request.creditAccountId();
      return reject(Rejection.ACCOUNT_NOT_FOUND, "Account " + missing + " does not exist.");
    }
    if (!debit.currency().equals(request.currency())
        || !credit.currency().equals(request.currency())) {
      return reject(
          Rejection.CURRENCY_MISMATCH,
          "The transfer is in "
              + request.currency()
              + "; the accounts hold "
              + debit.currency()
              + " and "
              + credit.currency()
              + ".");
    }
    if (debit.id().equals(credit.id())) {
      return reject(Rejection.SAME_ACCOUNT, "Debit and credit account are the same.");
    }
    if (debit.status() == AccountStatus.CLOSED || credit.status() == AccountStatus.CLOSED) {
      UUID closed = debit.status() == AccountStatus.CLOSED ? debit.id() : credit.id();
      return reject(Rejection.ACCOUNT_CLOSED, "Account " + closed + " is closed.");
    }
    if (debit.status() == AccountStatus.FROZEN) {
      return reject(
          Rejection.ACCOUNT_FROZEN, "Account " + debit.id() + " is frozen and takes no debits.");
    }
    if (request.refundOf() != null) {
      Rejected refund = checkRefund(request);
      if (refund != null) {
        return refund;
      }
    }
    if (!fits(
        debit, request.hold() ? 0 : request.amount(), request.hold() ? request.amount() : 0)) {
      return reject(
          Rejection.INSUFFICIENT_FUNDS,
          "Account " + debit.id() + " would fall below its minimum balance.");
    }
    if (!creditFits(credit, request.amount())) {
      return reject(
          Rejection.BALANCE_LIMIT_EXCEEDED,
          "Account " + credit.id() + " would rise above its maximum balance.");
    }
    return null;
  }

  private Rejected checkRefund(TransferRequest request) {
    if (!(known.get(request.refundOfKey()) instanceof Transfer original)
        || original.status() != TransferStatus.POSTED
        || original.kind() == TransferKind.REFUND
        || !original.debitAccountId().equals(request.creditAccountId())
        || !original.creditAccountId().equals(request.debitAccountId())) {
      return reject(
          Rejection.REFUND_MISMATCH,
          "A refund must reverse a posted transfer: debit its credit account and credit its"
              + " debit account.");
    }
    long remaining = original.postedAmount() - original.refundedAmount();
    if (request.amount() > remaining) {
      return reject(
          Rejection.REFUND_EXCEEDS_ORIGINAL,
          "Only " + remaining + " of transfer " + original.id() + " is left to refund.");
    }
    return null;
  }

  /** Whether the debit side stays within its bound after posting and holding these amounts. */
  private static boolean fits(Account debit, long posted, long held) {
    try {
      long debitsPosted = Math.addExact(debit.debitsPosted(), posted);
      long debitsPending = Math.addExact(debit.debitsPending(), held);
      long available =
          Math.subtractExact(
              Math.subtractExact(debit.creditsPosted(), debitsPosted), debitsPending);
      return available >= debit.availableMin();
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  private static boolean creditFits(Account credit, long amount) {
    try {
      long exposure = Math.addExact(credit.creditExposure(), amount);
      Math.addExact(credit.creditsPosted(), Math.addExact(credit.creditsPending(), amount));
      return exposure <= credit.exposureMax();
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  private TransferOutcome capture(TransferKey key, Long requested) {
    if (!(known.get(key) instanceof Transfer hold)) {
      return reject(Rejection.TRANSFER_NOT_FOUND, "Transfer " + key.id() + " does not exist.");
    }
    if (hold.isHold() && hold.status() == TransferStatus.POSTED) {
      return requested == null || requested.equals(hold.capturedAmount())
          ? new Replayed(hold)
          : notPending(hold);
    }
    if (!isOpen(hold)) {
      return notPending(hold);
    }
    long amount = requested == null ? hold.amount() : requested;
    if (amount > hold.amount()) {
      return reject(
          Rejection.CAPTURE_EXCEEDS_HOLD,
          "The hold is for " + hold.amount() + "; " + amount + " cannot be captured.");
    }
    post(
        new AccountKey(hold.tenantId(), hold.debitAccountId()),
        new AccountKey(hold.tenantId(), hold.creditAccountId()),
        amount,
        hold.amount(),
        hold.id());
    Transfer captured = hold.withStatus(TransferStatus.POSTED, amount, now);
    update(captured);
    event(TransferEvent.CAPTURED, captured);
    return new Changed(captured);
  }

  /** Voids a hold, or with {@code expiry} expires it if its time is up. */
  private TransferOutcome release(TransferKey key, boolean expiry) {
    if (!(known.get(key) instanceof Transfer hold)) {
      return reject(Rejection.TRANSFER_NOT_FOUND, "Transfer " + key.id() + " does not exist.");
    }
    if (expiry) {
      boolean due =
          hold.isHold()
              && hold.status() == TransferStatus.PENDING
              && !now.isBefore(hold.holdExpiresAt());
      return due
          ? new Changed(close(hold, TransferStatus.EXPIRED, TransferEvent.EXPIRED))
          : new Replayed(hold);
    }
    if (hold.isHold() && hold.status() == TransferStatus.VOIDED) {
      return new Replayed(hold);
    }
    if (!isOpen(hold)) {
      return notPending(hold);
    }
    return new Changed(close(hold, TransferStatus.VOIDED, TransferEvent.VOIDED));
  }

  /**
   * Whether a hold is pending now. A pending hold whose time is up is expired here and now, so no
   * capture or void ever acts on a hold past its expiry.
   */
  private boolean isOpen(Transfer hold) {
    if (!hold.isHold() || hold.status() != TransferStatus.PENDING) {
      return false;
    }
    if (now.isBefore(hold.holdExpiresAt())) {
      return true;
    }
    close(hold, TransferStatus.EXPIRED, TransferEvent.EXPIRED);
    return false;
  }

  private Transfer close(Transfer hold, TransferStatus status, String eventType) {
    change(
        accounts.get(new AccountKey(hold.tenantId(), hold.debitAccountId())),
        0,
        0,
        -hold.amount(),
        0);
    change(
        accounts.get(new AccountKey(hold.tenantId(), hold.creditAccountId())),
        0,
        0,
        0,
        -hold.amount());
    Transfer closed = hold.withStatus(status, null, now);
    update(closed);
    event(eventType, closed);
    return closed;
  }

  private Rejected notPending(Transfer transfer) {
    Transfer current = (Transfer) known.get(transfer.key());
    return reject(
        Rejection.HOLD_NOT_PENDING,
        "Transfer " + transfer.id() + " is " + current.status().wire() + ", not a pending hold.");
  }

  /**
   * Posts {@code amount} and releases {@code released} of a hold in the same change of each account
   * (one version, one entry each), with the entries of the posted movement.
   */
  private void post(
      AccountKey debitKey, AccountKey creditKey, long amount, long released, UUID transferId) {
    Account debit = change(accounts.get(debitKey), amount, 0, -released, 0);
    Account credit = change(accounts.get(creditKey), 0, amount, 0, -released);
    entries.add(
        new Entry(
            debit.tenantId(),
            debit.id(),
            debit.entryCount(),
            transferId,
            -amount,
            debit.posted(),
            now));
    entries.add(
        new Entry(
            credit.tenantId(),
            credit.id(),
            credit.entryCount(),
            transferId,
            amount,
            credit.posted(),
            now));
  }

  /** Adds to an account's totals (a posted change also numbers a new entry). */
  private Account change(
      Account account,
      long debitsPosted,
      long creditsPosted,
      long debitsPending,
      long creditsPending) {
    boolean entry = debitsPosted != 0 || creditsPosted != 0;
    Account next =
        account.withTotals(
            Math.addExact(account.debitsPosted(), debitsPosted),
            Math.addExact(account.creditsPosted(), creditsPosted),
            Math.addExact(account.debitsPending(), debitsPending),
            Math.addExact(account.creditsPending(), creditsPending),
            entry ? account.entryCount() + 1 : account.entryCount(),
            now);
    accounts.put(next.key(), next);
    changedAccounts.put(next.key(), next);
    return next;
  }

  private Transfer newTransfer(TransferRequest request, TransferStatus status) {
    return new Transfer(
        request.tenantId(),
        request.id(),
        request.debitAccountId(),
        request.creditAccountId(),
        request.amount(),
        request.currency(),
        request.kind(),
        status,
        null,
        request.refundOf(),
        0,
        request.hold() ? now.plusSeconds(request.holdTimeoutSeconds()) : null,
        request.reference(),
        request.metadata(),
        now,
        now,
        request.requestHash());
  }

  private void record(Recorded recorded) {
    known.put(recorded.key(), recorded);
    inserted.put(recorded.key(), recorded);
  }

  private void update(Transfer transfer) {
    known.put(transfer.key(), transfer);
    if (inserted.containsKey(transfer.key())) {
      inserted.put(transfer.key(), transfer);
    } else {
      updated.put(transfer.key(), transfer);
    }
  }

  private void event(String type, Transfer transfer) {
    events.add(new TransferEvent(ids.get(), type, transfer, now));
  }

  private static Rejected reject(Rejection reason, String detail) {
    return new Rejected(reason, detail);
  }

  private record Snapshot(
      Map<AccountKey, Account> accounts,
      Map<TransferKey, Recorded> known,
      LinkedHashMap<TransferKey, Recorded> inserted,
      LinkedHashMap<TransferKey, Transfer> updated,
      TreeMap<AccountKey, Account> changedAccounts,
      int entries,
      int events) {}

  private Snapshot snapshot() {
    return new Snapshot(
        new HashMap<>(accounts),
        new HashMap<>(known),
        new LinkedHashMap<>(inserted),
        new LinkedHashMap<>(updated),
        new TreeMap<>(changedAccounts),
        entries.size(),
        events.size());
  }

  private void restore(Snapshot snapshot) {
    accounts = snapshot.accounts();
    known = snapshot.known();
    inserted = snapshot.inserted();
    updated = snapshot.updated();
    changedAccounts = snapshot.changedAccounts();
    entries.subList(snapshot.entries(), entries.size()).clear();
    events.subList(snapshot.events(), events.size()).clear();
  }
}
