package com.saldo.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress on stderr: on a terminal a bar redrawn in place with the rate and the time left; in a
 * pipe or a log a plain line every few seconds, so that logs stay readable.
 */
final class Progress {

  private static final long LINE_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
  private static final long REDRAW_EVERY_NANOS = Duration.ofMillis(100).toNanos();
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final String what;
  private final long total;
  private final long started = System.nanoTime();
  private long shownAt;
  private long done;

  /** {@code total} is 0 when unknown (no bar, no time left). */
  Progress(PrintWriter err, boolean terminal, String what, long total) {
    this.err = err;
    this.terminal = terminal;
    this.what = what;
    this.total = total;
  }

  synchronized void advance(long n) {
    done += n;
    long now = System.nanoTime();
    if (now - shownAt >= (terminal ? REDRAW_EVERY_NANOS : LINE_EVERY_NANOS)) {
      shownAt = now;
      show(now, false);
    }
  }

  synchronized void finish() {
    show(System.nanoTime(), true);
  }

  long done() {
    return done;
  }

  /** Items per second so far. */
  double rate() {
    double seconds = (System.nanoTime() - started) / 1e9;
    return seconds <= 0 ? 0 : done / seconds;
  }

  private void show(long now, boolean last) {
    double seconds = (now - started) / 1e9;
    double rate = seconds <= 0 ? 0 : done / seconds;
    StringBuilder text = new StringBuilder();
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, WIDTH * done / total);
      if (terminal) {
        text.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
      }
      text.append(String.format(Locale.ROOT, "%s %,d/%,d", what, done, total));
    } else {
      text.append(String.format(Locale.ROOT, "%s %,d", what, done));
    }
    text.append(String.format(Locale.ROOT, "  %,.0f/s", rate));
    if (total > 0 && !last && rate > 0) {
      long left = (long) ((total - done) / rate);
      text.append(String.format(Locale.ROOT, "  %d:%02d left", left / 60, left % 60));
    }
    if (last) {
      text.append(String.format(Locale.ROOT, "  in %.1f s", seconds));
    }
    if (terminal) {
      err.print("\r" + text + (last ? System.lineSeparator() : ""));
    } else {
      err.println(text);
    }
    err.flush();
  }
}
