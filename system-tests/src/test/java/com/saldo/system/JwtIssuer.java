package com.saldo.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** A test identity provider: an RSA key, its JWKS served on a local port, and signed JWTs. */
final class JwtIssuer implements AutoCloseable {

  static final String ISSUER = "https://login.example.test/";
  static final String AUDIENCE = "saldo-api";

  final RSAKey key;
  final RSAKey stranger;
  private final HttpServer server;

  JwtIssuer(int port) throws JOSEException, IOException {
    key = new RSAKeyGenerator(2048).keyID("test-1").generate();
    stranger = new RSAKeyGenerator(2048).keyID("test-1").generate();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    server.createContext(
        "/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    server.start();
  }

  String token(
      RSAKey signer, String issuer, String audience, Instant expires, UUID tenant, String scope)
      throws JOSEException {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject("pos-terminal-17")
            .expirationTime(Date.from(expires))
            .issueTime(Date.from(Instant.now()))
            .claim("saldo_tenant", tenant.toString())
            .claim("scope", scope)
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
