package com.saldo.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.AbstractProtocol;

/**
 * Answers what Tomcat refuses before any filter or servlet runs (a URL with an encoded NUL or
 * slash, a malformed request line) with a problem, like everything else, instead of Tomcat's HTML
 * error page; and what it refuses while shutting down gracefully with 503, so that clients retry.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    if (status == 400 && (paused(request) || headersSkipped(request, throwable))) {
      // Tomcat met this request on a kept-alive connection while shutting down: it marked it 503,
      // skipped its headers, then refused it for the Host header it had not read. The request
      // was never looked at, so the truth is "retry", not "malformed".
      status = 503;
      response.setStatus(status);
      response.setHeader("Retry-After", "1");
    }
    ProblemException problem = ProblemAdvice.forStatus(status);
    String body =
        "{\"type\":\"/problems/"
            + problem.problem().code()
            + "\",\"title\":\""
            + problem.problem().title()
            + "\",\"status\":"
            + status
            + ",\"detail\":\"The request was refused before it reached the service.\",\"code\":\""
            + problem.problem().code()
            + "\"}";
    try {
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException ignored) {
      // The client is gone or the response is committed; nothing more can be said.
    }
  }

  /**
   * Whether Tomcat refused a request whose headers it never read, for no error of the request's
   * own: the trace of the pause above, still there if the connector has resumed since. A request
   * line Tomcat cannot parse (too long, bad characters) comes with the exception that refused it
   * and stays a 400; a client that truly sends HTTP/1.1 without a single header is told to retry
   * rather than told it is wrong.
   */
  private static boolean headersSkipped(Request request, Throwable throwable) {
    return throwable == null && request.getCoyoteRequest().getMimeHeaders().size() == 0;
  }

  private static boolean paused(Request request) {
    return request.getConnector() != null
        && request.getConnector().getProtocolHandler() instanceof AbstractProtocol<?> protocol
        && protocol.isPaused();
  }
}
