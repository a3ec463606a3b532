package com.saldo.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Answers what Tomcat refuses before any filter or servlet runs (a URL with an encoded NUL or
 * slash, a malformed request line) with a problem, like everything else, instead of Tomcat's HTML
 * error page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
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
}
