package com.saldo.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Finds the verified identity of a request, or nothing (the service answers 401). */
public interface IdentityVerifier {

  Optional<CallerIdentity> verify(HttpServletRequest request);
}
