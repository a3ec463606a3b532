package com.saldo.client.error;

import java.util.Map;
import java.util.function.Function;

/**
 * Saldo answered with a problem. Each known code has its own subtype ({@link
 * InsufficientFundsException}, {@link AccountNotFoundException}, ...), so that a caller can catch
 * exactly the refusals it handles; a code this client does not know comes as this type itself, with
 * its code and fields intact.
 */
public non-sealed class ProblemException extends SaldoException {

  private static final long serialVersionUID = 1L;

  private static final Map<String, Function<Problem, ProblemException>> BY_CODE =
      Map.ofEntries(
          Map.entry("account_closed", AccountClosedException::new),
          Map.entry("account_frozen", AccountFrozenException::new),
          Map.entry("account_not_empty", AccountNotEmptyException::new),
          Map.entry("account_not_found", AccountNotFoundException::new),
          Map.entry("api_key_not_found", ApiKeyNotFoundException::new),
          Map.entry("balance_limit_exceeded", BalanceLimitExceededException::new),
          Map.entry("batch_aborted", BatchAbortedException::new),
          Map.entry("event_not_found", EventNotFoundException::new),
          Map.entry("capture_exceeds_hold", CaptureExceedsHoldException::new),
          Map.entry("currency_mismatch", CurrencyMismatchException::new),
          Map.entry("cursor_expired", CursorExpiredException::new),
          Map.entry("external_ref_taken", ExternalRefTakenException::new),
          Map.entry("forbidden", ForbiddenException::new),
          Map.entry("hold_not_pending", HoldNotPendingException::new),
          Map.entry("http_version_not_supported", HttpVersionNotSupportedException::new),
          Map.entry("id_conflict", IdConflictException::new),
          Map.entry("insufficient_funds", InsufficientFundsException::new),
          Map.entry("internal_error", InternalErrorException::new),
          Map.entry("invalid_bounds", InvalidBoundsException::new),
          Map.entry("malformed_json", MalformedJsonException::new),
          Map.entry("method_not_allowed", MethodNotAllowedException::new),
          Map.entry("not_acceptable", NotAcceptableException::new),
          Map.entry("not_found", NotFoundException::new),
          Map.entry("not_implemented", NotImplementedException::new),
          Map.entry("overloaded", OverloadedException::new),
          Map.entry("payload_too_large", PayloadTooLargeException::new),
          Map.entry("rate_limited", RateLimitedException::new),
          Map.entry("refund_exceeds_original", RefundExceedsOriginalException::new),
          Map.entry("refund_mismatch", RefundMismatchException::new),
          Map.entry("same_account", SameAccountException::new),
          Map.entry("target_not_allowed", TargetNotAllowedException::new),
          Map.entry("tenant_not_found", TenantNotFoundException::new),
          Map.entry("too_many_keys", TooManyKeysException::new),
          Map.entry("too_many_webhooks", TooManyWebhooksException::new),
          Map.entry("transfer_not_found", TransferNotFoundException::new),
          Map.entry("unauthenticated", UnauthenticatedException::new),
          Map.entry("unavailable", UnavailableException::new),
          Map.entry("unsupported_media_type", UnsupportedMediaTypeException::new),
          Map.entry("validation_failed", ValidationFailedException::new),
          Map.entry("webhook_not_found", WebhookNotFoundException::new));

  /** The problem Saldo answered. */
  private final transient Problem problem;

  /** A problem, of a known code or not. */
  public ProblemException(Problem problem) {
    super(message(problem), null);
    this.problem = problem;
  }

  /** The exception of the problem's code: its own subtype, or this type for an unknown code. */
  public static ProblemException of(Problem problem) {
    Function<Problem, ProblemException> known = BY_CODE.get(problem.code());
    return known == null ? new ProblemException(problem) : known.apply(problem);
  }

  /** Whether a code has a subtype of its own in this client. */
  public static boolean known(String code) {
    return BY_CODE.containsKey(code);
  }

  private static String message(Problem problem) {
    String detail = problem.detail() == null ? problem.title() : problem.detail();
    return problem.status() + " " + problem.code() + (detail == null ? "" : ": " + detail);
  }

  /** Everything Saldo said. */
  public Problem problem() {
    return problem;
  }

  @Override
  public int status() {
    return problem.status();
  }

  @Override
  public String code() {
    return problem.code();
  }
}
