package com.saldo.backoffice.key;

import com.saldo.api.Fields;
import com.saldo.api.JsonBodies;
import com.saldo.backoffice.console.ConsoleSessions;
import com.saldo.backoffice.console.SessionTokens;
import com.saldo.identity.CallerIdentity;
import com.saldo.identity.Scope;
import com.saldo.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the gateway whom a presented API key belongs to. Internal: only a caller the gateway signed
 * with the {@code internal} scope gets an answer. The key travels in the body, never in a URL or a
 * log line.
 */
@RestController
public class CredentialController {

  private final Credentials credentials;
  private final ConsoleSessions sessions;

  public CredentialController(Credentials credentials, ConsoleSessions sessions) {
    this.credentials = credentials;
    this.sessions = sessions;
  }

  @PostMapping("/internal/v1/credentials/verify")
  public Map<String, Object> verify(
      CallerIdentity caller, HttpServletRequest http, @RequestBody(required = false) byte[] body) {
    caller.require(Scope.INTERNAL);
    Fields fields = Fields.of(JsonBodies.object(http, body)).allowOnly(Set.of("key"));
    String presented = fields.requiredString("key", 256);
    fields.done();
    ApiKeys.ApiKey key = find(presented).orElseThrow(Problems::unauthenticated);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("credentialId", key.id().toString());
    answer.put("tenantId", key.tenantId() == null ? null : key.tenantId().toString());
    answer.put("scopes", key.scopes().stream().map(Scope::wire).sorted().toList());
    answer.put("ratePerSecond", key.ratePerSecond());
    answer.put("burst", key.burst());
    return answer;
  }

  /**
   * The key a presented secret belongs to. A console session answers as the key it was started
   * with: same tenant, scopes, rate limit and credential id, so the audit log names the key.
   */
  private Optional<ApiKeys.ApiKey> find(String presented) {
    return presented.startsWith(SessionTokens.PREFIX)
        ? sessions.find(presented).map(ConsoleSessions.Session::key)
        : credentials.find(presented);
  }
}
