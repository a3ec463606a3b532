package com.saldo.webhooks.web;

import com.saldo.problem.ProblemException;
import java.util.UUID;

/**
 * Every problem the webhooks service answers besides the shared ones of {@code libs/problem}, in
 * one place; each code has its page in {@code docs/problems/}.
 */
final class WebhookProblems {

  /** The service's own problems. The switches have no default: a new one needs all its parts. */
  enum Code {
    WEBHOOK_NOT_FOUND,
    EVENT_NOT_FOUND,
    TARGET_NOT_ALLOWED,
    TOO_MANY_WEBHOOKS,
    CURSOR_EXPIRED;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    int status() {
      return switch (this) {
        case WEBHOOK_NOT_FOUND, EVENT_NOT_FOUND -> 404;
        case CURSOR_EXPIRED -> 410;
        case TARGET_NOT_ALLOWED, TOO_MANY_WEBHOOKS -> 422;
      };
    }

    String title() {
      return switch (this) {
        case WEBHOOK_NOT_FOUND -> "Webhook not found";
        case EVENT_NOT_FOUND -> "Event not found";
        case TARGET_NOT_ALLOWED -> "Target not allowed";
        case TOO_MANY_WEBHOOKS -> "Too many webhooks";
        case CURSOR_EXPIRED -> "Cursor expired";
      };
    }
  }

  private WebhookProblems() {}

  static ProblemException of(Code code, String detail) {
    return ProblemException.of(code.status(), code.wire(), code.title(), detail);
  }

  static ProblemException notFound(UUID id) {
    return of(Code.WEBHOOK_NOT_FOUND, "Webhook " + id + " does not exist.");
  }

  static ProblemException eventNotFound(String seq) {
    return of(Code.EVENT_NOT_FOUND, "The tenant has no event with seq " + seq + ".");
  }

  static ProblemException targetNotAllowed(String why) {
    return of(
        Code.TARGET_NOT_ALLOWED,
        "The url "
            + why
            + ". Webhooks deliver to public http(s) addresses only, unless the operator allows"
            + " private targets.");
  }

  static ProblemException tooMany(int max) {
    return of(
        Code.TOO_MANY_WEBHOOKS,
        "The tenant has " + max + " webhooks, the most it may have; delete one first.");
  }

  static ProblemException cursorExpired(long prunedThrough) {
    return of(
        Code.CURSOR_EXPIRED,
        "Events up to seq "
            + prunedThrough
            + " are past the retention and gone; read from the oldest kept (omit after) and"
            + " reconcile what was missed from the ledger.");
  }
}
