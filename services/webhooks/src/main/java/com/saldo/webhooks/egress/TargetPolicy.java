package com.saldo.webhooks.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which URLs a webhook may target, and which addresses a delivery may connect to: only {@code
 * http(s)} URLs whose host resolves to public addresses only. Loopback, private, shared (CGNAT),
 * link-local, the cloud metadata addresses, multicast, unspecified, reserved and documentation
 * ranges are refused, and so are the IPv6 forms that carry an IPv4 address (mapped, compatible,
 * NAT64, 6to4, Teredo) when the carried address would be refused. The delivery connects to the very
 * addresses checked here ({@link SafeDnsResolver}), so a second lookup cannot change them.
 */
public final class TargetPolicy {

  /** Resolves a host name; the system resolver in production, a table in tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A URL that may not be a webhook's target, and why. */
  public static final class Refused extends Exception {
    public Refused(String reason) {
      super(reason);
    }
  }

  public static final int URL_LENGTH_MAX = 2048;

  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern NUMERIC_LOOKING = Pattern.compile("[0-9.]+|0x.*|.*\\.0x.*");

  private final boolean allowPrivate;
  private final Resolver resolver;

  public TargetPolicy(boolean allowPrivate, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  public boolean allowsPrivate() {
    return allowPrivate;
  }

  /** The URL's syntax: http(s), a host, no user info; throws with the reason otherwise. */
  public static URI parse(String url) throws Refused {
    if (url.length() > URL_LENGTH_MAX) {
      throw new Refused("is longer than " + URL_LENGTH_MAX + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refused("must be an http or https URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("must not carry user information");
    }
    if (uri.getRawFragment() != null) {
      throw new Refused("must not have a fragment");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new Refused("must name a host");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw new Refused("has a port outside 1..65535");
    }
    hostSyntax(host);
    return uri;
  }

  private static void hostSyntax(String host) throws Refused {
    if (host.startsWith("[")) {
      return; // an IPv6 literal; java.net.URI has checked its form, the address check follows
    }
    String lower = host.toLowerCase(Locale.ROOT);
    if (NUMERIC_LOOKING.matcher(lower).matches() && !DOTTED_QUAD.matcher(lower).matches()) {
      // 2130706433, 0177.0.0.1, 127.1, 0x7f.0.0.1: resolvers disagree on these, so none is taken
      throw new Refused("has an IPv4 address in a form other than four decimal numbers");
    }
    if (!DOTTED_QUAD.matcher(lower).matches() && !HOST_NAME.matcher(lower).matches()) {
      throw new Refused("has a host name that is not a DNS name");
    }
  }

  /** The URL's addresses, all of them allowed; throws with the reason otherwise. */
  public List<InetAddress> check(URI uri) throws Refused {
    return addresses(hostOf(uri));
  }

  /** Whether the URL's host resolves to an address that only private targets may have. */
  public boolean isPrivate(URI uri) {
    try {
      for (InetAddress address : resolver.resolve(hostOf(uri))) {
        if (forbidden(address) != null) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The host's addresses, all allowed: what a delivery may connect to. */
  public List<InetAddress> addresses(String host) throws Refused {
    InetAddress[] all;
    try {
      all = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new Refused("has a host that does not resolve: " + host);
    }
    if (all.length == 0) {
      throw new Refused("has a host that does not resolve: " + host);
    }
    if (!allowPrivate) {
      for (InetAddress address : all) {
        String why = forbidden(address);
        if (why != null) {
          throw new Refused(
              "resolves to " + address.getHostAddress() + ", " + why + " (not a public address)");
        }
      }
    }
    return List.of(all);
  }

  private static String hostOf(URI uri) {
    String host = uri.getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  /** Why a delivery may not connect to this address, or null when it may. */
  public static String forbidden(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return forbidden4(b, 0);
    }
    if (address instanceof Inet6Address) {
      return forbidden6(b);
    }
    return "an address of an unknown family";
  }

  private static String forbidden4(byte[] b, int at) {
    int a0 = b[at] & 0xff;
    int a1 = b[at + 1] & 0xff;
    int a2 = b[at + 2] & 0xff;
    int a3 = b[at + 3] & 0xff;
    if (a0 == 0) {
      return "the unspecified network";
    }
    if (a0 == 127) {
      return "loopback";
    }
    if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
      return "private";
    }
    if (a0 == 100 && (a1 & 0xc0) == 64) {
      return "shared address space (carrier-grade NAT)";
    }
    if (a0 == 169 && a1 == 254) {
      return a2 == 169 && a3 == 254 ? "the cloud metadata service" : "link-local";
    }
    if (a0 == 192 && a1 == 0 && a2 == 0) {
      return "IETF protocol assignments";
    }
    if ((a0 == 192 && a1 == 0 && a2 == 2)
        || (a0 == 198 && a1 == 51 && a2 == 100)
        || (a0 == 203 && a1 == 0 && a2 == 113)) {
      return "documentation";
    }
    if (a0 == 198 && (a1 & 0xfe) == 18) {
      return "benchmarking";
    }
    if (a0 >= 224 && a0 <= 239) {
      return "multicast";
    }
    if (a0 >= 240) {
      return a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255 ? "broadcast" : "reserved";
    }
    return null;
  }

  private static String forbidden6(byte[] b) {
    boolean zero10 = true;
    for (int i = 0; i < 10; i++) {
      zero10 &= b[i] == 0;
    }
    if (zero10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      String inner = forbidden4(b, 12);
      return inner == null ? null : "an IPv4-mapped " + inner + " address";
    }
    if (zero10 && b[10] == 0 && b[11] == 0) {
      boolean first12Zero = true;
      for (int i = 12; i < 15; i++) {
        first12Zero &= b[i] == 0;
      }
      if (first12Zero && (b[15] == 0 || b[15] == 1)) {
        return b[15] == 0 ? "unspecified" : "loopback";
      }
      return "an IPv4-compatible address (deprecated)";
    }
    int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (w0 == 0x0064 && w1 == 0xff9b) {
      String inner = forbidden4(b, 12);
      return inner == null ? null : "a NAT64 form of a " + inner + " address";
    }
    if (w0 == 0x2002) {
      String inner = forbidden4(b, 2);
      return inner == null ? null : "a 6to4 form of a " + inner + " address";
    }
    if (w0 == 0x2001 && w1 == 0x0000) {
      return "Teredo (it carries an IPv4 address that cannot be checked)";
    }
    if (w0 == 0x2001 && w1 == 0x0db8) {
      return "documentation";
    }
    if (w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
      return "discard-only";
    }
    if ((w0 & 0xfe00) == 0xfc00) {
      return w0 == 0xfd00 && w1 == 0x0ec2 ? "the cloud metadata service" : "unique local";
    }
    if ((w0 & 0xffc0) == 0xfe80) {
      return "link-local";
    }
    if ((w0 & 0xffc0) == 0xfec0) {
      return "site-local (deprecated)";
    }
    if ((w0 & 0xff00) == 0xff00) {
      return "multicast";
    }
    if ((w0 & 0xe000) != 0x2000) {
      return "outside the global unicast range";
    }
    return null;
  }
}
