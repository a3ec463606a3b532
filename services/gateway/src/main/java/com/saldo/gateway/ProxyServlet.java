package com.saldo.gateway;

import com.saldo.problem.ProblemAdvice;
import com.saldo.problem.ProblemException;
import com.saldo.problem.ProblemWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * Serves every {@code /v1} path: the OpenAPI document, and the proxy for the rest. It is a servlet
 * of its own rather than a handler behind Spring MVC's dispatcher: one handler needs no handler
 * mapping, argument resolution or return-value handling, and that dispatch cost a tenth of the
 * gateway's CPU per request (bench/RESULTS.md, finding 24). The servlet filters (request id, body
 * limit, metrics) run as before, and problems are written as those filters write them.
 */
final class ProxyServlet extends HttpServlet {

  static final String OPENAPI_PATH = "/v1/openapi.json";
  private static final Logger log = LoggerFactory.getLogger(ProxyServlet.class);

  private final transient Proxy proxy;
  private final byte[] openApi;

  ProxyServlet(Proxy proxy) throws IOException {
    this.proxy = proxy;
    try (InputStream in = new ClassPathResource("openapi.json").getInputStream()) {
      this.openApi = in.readAllBytes();
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      String method = request.getMethod();
      if (request.getRequestURI().equals(OPENAPI_PATH)
          && (method.equals("GET") || method.equals("HEAD"))) {
        response.setContentType("application/json");
        response.setContentLength(openApi.length);
        if (method.equals("GET")) {
          response.getOutputStream().write(openApi);
        }
        return;
      }
      proxy.forward(request, response);
    } catch (ProblemException e) {
      if (response.isCommitted()) {
        throw e;
      }
      ProblemWriter.write(request, response, e);
    } catch (IOException | RuntimeException e) {
      // Once part of an answer was sent nothing may be added to it: the container ends the
      // connection unfinished, and the client sees the answer broken off (Proxy.send).
      if (response.isCommitted()) {
        throw e;
      }
      log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
      ProblemWriter.write(request, response, ProblemAdvice.forStatus(500));
    }
  }
}
