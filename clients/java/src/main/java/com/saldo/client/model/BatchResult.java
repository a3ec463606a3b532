package com.saldo.client.model;

import java.util.UUID;

/**
 * One transfer's outcome in a batch, in request order: a status, or an error.
 *
 * @param id the transfer's id
 * @param status its status when applied (or applied before, with the same fields), else null
 * @param error why it was refused, else null
 */
public record BatchResult(UUID id, String status, Error error) {

  /** A refusal: the problem code and what exactly was wrong. */
  public record Error(String code, String detail) {}

  public boolean ok() {
    return error == null;
  }
}
