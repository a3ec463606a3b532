package com.saldo.ledger.account.web;

import com.saldo.ledger.account.AccountRejection;
import com.saldo.problem.FieldViolation;
import com.saldo.problem.Problem;
import com.saldo.problem.ProblemException;
import java.util.List;
import java.util.UUID;

/**
 * The problem of every account rejection, as {@code TransferProblems} is for transfers. The switch
 * has no default: a new rejection does not compile until it has a status, a code and a title here
 * (and a page in docs/problems, which ProblemPagesTest checks).
 */
final class AccountProblems {

  private AccountProblems() {}

  static ProblemException of(AccountRejection reason, UUID id) {
    Problem problem =
        switch (reason) {
          case ID_CONFLICT ->
              Problem.of(
                  409,
                  "id_conflict",
                  "Id used for another request",
                  "Account id " + id + " was used before with other fields.",
                  List.<FieldViolation>of());
          case EXTERNAL_REF_TAKEN ->
              Problem.of(
                  409,
                  "external_ref_taken",
                  "External reference taken",
                  "Another account of this tenant has this externalRef.",
                  List.of());
          case ACCOUNT_NOT_FOUND ->
              Problem.of(
                  404,
                  "account_not_found",
                  "Account not found",
                  "Account " + id + " does not exist.",
                  List.of());
          case ACCOUNT_CLOSED ->
              Problem.of(
                  422,
                  "account_closed",
                  "Account closed",
                  "Account " + id + " is closed; a closed account never changes.",
                  List.of());
          case ACCOUNT_NOT_EMPTY ->
              Problem.of(
                  422,
                  "account_not_empty",
                  "Account not empty",
                  "Only an account with a zero posted balance and no open holds can be closed.",
                  List.of());
          case INVALID_BOUNDS ->
              Problem.of(
                  422,
                  "invalid_bounds",
                  "Invalid bounds",
                  "minBalance must not be above maxBalance.",
                  List.of());
          case INSUFFICIENT_FUNDS ->
              Problem.of(
                  422,
                  "insufficient_funds",
                  "Insufficient funds",
                  "The available balance is below the requested minBalance.",
                  List.of());
          case BALANCE_LIMIT_EXCEEDED ->
              Problem.of(
                  422,
                  "balance_limit_exceeded",
                  "Balance limit exceeded",
                  "The balance, incoming holds included, is above the requested maxBalance.",
                  List.of());
        };
    return new ProblemException(problem);
  }
}
