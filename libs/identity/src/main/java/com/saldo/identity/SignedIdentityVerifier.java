package com.saldo.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Accepts only an identity that the gateway signed, in the {@code Saldo-Identity} header. */
public final class SignedIdentityVerifier implements IdentityVerifier {

  private final IdentityToken tokens;

  public SignedIdentityVerifier(IdentityToken tokens) {
    this.tokens = tokens;
  }

  @Override
  public Optional<CallerIdentity> verify(HttpServletRequest request) {
    return tokens.verify(request.getHeader(IdentityToken.HEADER));
  }
}
