package com.saldo.backoffice.console;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client address in the current minute. Past the limit an address waits for the
 * next minute: guessing keys through the sign-in page is as slow as through the API. The map is
 * bounded: at {@link #ADDRESSES_MAX} addresses the previous minutes' entries are dropped, and if it
 * is still full every new address counts as over the limit until the minute turns.
 */
@Component
public class SignInFailures {

  static final int ADDRESSES_MAX = 10_000;

  private record Window(long minute, int failures) {}

  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int perMinute;

  public SignInFailures(Clock clock, ConsoleProperties properties) {
    this.clock = clock;
    this.perMinute = properties.signInFailuresMax();
  }

  /** Whether this address may try to sign in now. */
  public boolean allowed(String address) {
    long minute = minute();
    Window window = windows.get(address);
    if (window == null) {
      return windows.size() < ADDRESSES_MAX || prune(minute);
    }
    return window.minute() != minute || window.failures() < perMinute;
  }

  public void record(String address) {
    long minute = minute();
    if (windows.size() >= ADDRESSES_MAX && !windows.containsKey(address) && !prune(minute)) {
      return;
    }
    windows.compute(
        address,
        (a, w) ->
            w == null || w.minute() != minute
                ? new Window(minute, 1)
                : new Window(minute, w.failures() + 1));
  }

  /** Drops the windows of earlier minutes; whether there is room afterwards. */
  private boolean prune(long minute) {
    windows.values().removeIf(w -> w.minute() != minute);
    return windows.size() < ADDRESSES_MAX;
  }

  private long minute() {
    return clock.millis() / 60_000;
  }
}
