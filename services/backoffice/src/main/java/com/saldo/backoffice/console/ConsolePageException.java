package com.saldo.backoffice.console;

/** A page that cannot be shown, with the status and the words the browser gets instead. */
public final class ConsolePageException extends RuntimeException {

  private final int status;
  private final String title;

  public ConsolePageException(int status, String title, String message) {
    super(message);
    this.status = status;
    this.title = title;
  }

  public static ConsolePageException notFound() {
    return new ConsolePageException(404, "Not found", "There is nothing here, or not for you.");
  }

  public static ConsolePageException badInput(String message) {
    return new ConsolePageException(400, "Cannot read that", message);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
