package com.saldo.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which of the ports a start needs are taken, asked before anything starts: a second Saldo on the
 * same ports would otherwise start its services, print that it is up while the first one answers
 * its readiness checks, and only then fail.
 */
final class Ports {

  private Ports() {}

  /** "port N (what)" for each port that cannot be bound on every address, in the given order. */
  static List<String> taken(Map<Integer, String> ports) {
    List<String> taken = new ArrayList<>();
    ports.forEach(
        (port, what) -> {
          if (!free(port)) {
            taken.add("port " + port + " (" + what + ")");
          }
        });
    return taken;
  }

  /**
   * Binds as the services do (every address, SO_REUSEADDR, so a closed connection lingering in
   * TIME_WAIT does not count) and lets go at once. A listener on any one address fails it.
   */
  static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
