package com.saldo.backoffice.console;

import com.saldo.client.error.ConnectionFailedException;
import com.saldo.client.error.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page gets (the request's session and the formats), and the page shown when one
 * cannot be: the API's 404 stays a 404 (another tenant's id looks like no id at all), its 403 says
 * the key lacks the scope, its 401 (the session ended) goes back to sign-in, and an API that cannot
 * be reached is a 503.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsoleAdvice {

  private static final Formats FORMATS = new Formats();

  @ModelAttribute("console")
  public ConsoleRequest console(HttpServletRequest http) {
    return ConsoleRequest.of(http);
  }

  @ModelAttribute("fmt")
  public Formats formats() {
    return FORMATS;
  }

  @ExceptionHandler(ConsolePageException.class)
  public ModelAndView page(
      ConsolePageException e, HttpServletRequest http, HttpServletResponse response) {
    return error(http, response, e.status(), e.title(), e.getMessage(), null);
  }

  @ExceptionHandler(ProblemException.class)
  public ModelAndView problem(
      ProblemException e, HttpServletRequest http, HttpServletResponse response) {
    return switch (e.status()) {
      case 401 -> new ModelAndView("redirect:/console/sign-in");
      case 404 ->
          error(http, response, 404, "Not found", "There is nothing here, or not for you.", null);
      case 403 ->
          error(
              http,
              response,
              403,
              "Not allowed",
              "The key you signed in with does not have the scope this page needs.",
              e.code());
      case 429 ->
          error(http, response, 429, "Slow down", "Too many requests; wait a moment.", e.code());
      default ->
          e.status() >= 500
              ? unavailable(http, response)
              : error(http, response, e.status(), "Refused", e.getMessage(), e.code());
    };
  }

  @ExceptionHandler(ConnectionFailedException.class)
  public ModelAndView unreachable(HttpServletRequest http, HttpServletResponse response) {
    return unavailable(http, response);
  }

  private static ModelAndView unavailable(HttpServletRequest http, HttpServletResponse response) {
    response.setHeader("Retry-After", "1");
    return error(
        http,
        response,
        503,
        "Unavailable",
        "Saldo could not answer just now. Try again in a moment.",
        null);
  }

  private static ModelAndView error(
      HttpServletRequest http,
      HttpServletResponse response,
      int status,
      String title,
      String message,
      String code) {
    response.setStatus(status);
    ModelAndView view = new ModelAndView("console/error");
    view.addObject("console", ConsoleRequest.of(http));
    view.addObject("fmt", FORMATS);
    view.addObject("status", status);
    view.addObject("title", title);
    view.addObject("message", message);
    view.addObject("code", code);
    return view;
  }
}
