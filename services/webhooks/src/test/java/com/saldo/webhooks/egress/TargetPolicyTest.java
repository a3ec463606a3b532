package com.saldo.webhooks.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF suite: URLs an attacker would register to reach the service's own network, each refused
 * before any connection; public targets accepted; and names that resolve to private addresses
 * refused by the lookup that the connection itself uses.
 */
class TargetPolicyTest {

  /** DNS as an attacker controls it: public-looking names that point inside. */
  private static final Map<String, String> DNS =
      Map.of(
          "shop.example", "93.184.216.34",
          "localhost", "127.0.0.1",
          "inside.example", "10.1.2.3",
          "loop.example", "127.0.0.1",
          "meta.example", "169.254.169.254",
          "v6meta.example", "fd00:ec2::254",
          "mapped.example", "::ffff:192.168.1.1",
          "v6shop.example", "2606:4700::1111");

  private final TargetPolicy policy = new TargetPolicy(false, TargetPolicyTest::resolve);

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String address = DNS.get(host);
    if (address == null) {
      if (host.chars()
              .allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || Character.isLetter(c))
          && (host.contains(":") || host.matches("[0-9.]+"))) {
        return InetAddress.getAllByName(host); // a literal: no lookup happens
      }
      throw new UnknownHostException(host);
    }
    return new InetAddress[] {InetAddress.getByName(address)};
  }

  private void refused(String url) {
    assertThatThrownBy(() -> policy.check(TargetPolicy.parse(url)))
        .as(url)
        .isInstanceOf(TargetPolicy.Refused.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/hook",
        "http://127.255.255.254:8080/",
        "http://localhost/",
        "http://0.0.0.0/",
        "http://10.0.0.1/",
        "http://172.16.0.1/",
        "http://172.31.255.255/",
        "http://192.168.0.1/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://169.254.1.1/",
        "http://224.0.0.1/",
        "http://239.255.255.250/",
        "http://255.255.255.255/",
        "http://240.0.0.1/",
        "http://192.0.2.10/",
        "http://198.18.0.1/",
        "http://[::1]/",
        "http://[::]/",
        "http://[fd00:ec2::254]/",
        "http://[fc00::1]/",
        "http://[fe80::1]/",
        "http://[ff02::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",
        "http://[2002:a9fe:a9fe::]/",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
        "http://[::127.0.0.1]/",
        "http://[2001:db8::1]/",
        "http://2130706433/",
        "http://0177.0.0.1/",
        "http://0x7f.0.0.1/",
        "http://127.1/",
        "http://017700000001/",
        "http://inside.example/",
        "http://loop.example/",
        "http://meta.example/",
        "http://v6meta.example/",
        "http://mapped.example/",
        "http://does-not-resolve.example/",
        "ftp://93.184.216.34/",
        "file:///etc/passwd",
        "gopher://93.184.216.34/",
        "javascript:alert(1)",
        "http://user:pass@93.184.216.34/",
        "http://93.184.216.34/#fragment",
        "http:///nohost",
        "http://93.184.216.34:0/",
        "http://93.184.216.34:99999/",
        "http://exa_mple.com/",
        "//93.184.216.34/",
        "not a url"
      })
  void refusesWhatReachesInsideOrIsNotAWebUrl(String url) {
    refused(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://93.184.216.34/webhooks/saldo",
        "http://93.184.216.34:8080/hook?shop=7",
        "https://shop.example/hooks",
        "https://v6shop.example/hooks",
        "https://[2606:4700::1111]/hooks",
        "HTTPS://shop.example/",
        "http://172.32.0.1/",
        "http://100.128.0.1/"
      })
  void acceptsPublicTargets(String url) throws Exception {
    assertThat(policy.check(TargetPolicy.parse(url))).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"inside.example", "loop.example", "meta.example", "v6meta.example"})
  void theConnectionsOwnLookupRefusesANameThatTurnedPrivate(String host) {
    SafeDnsResolver resolver = new SafeDnsResolver(policy);
    assertThatThrownBy(() -> resolver.resolve(host))
        .isInstanceOf(SafeDnsResolver.RefusedHost.class)
        .hasMessageContaining("not a public address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:9999/hook", "http://loop.example/", "http://10.0.0.1/"})
  void anOperatorMayAllowPrivateTargetsForLocalDevelopment(String url) throws Exception {
    TargetPolicy open = new TargetPolicy(true, TargetPolicyTest::resolve);
    URI uri = TargetPolicy.parse(url);
    assertThat(open.check(uri)).isNotEmpty();
    assertThat(open.isPrivate(uri)).isTrue();
    assertThat(open.isPrivate(TargetPolicy.parse("https://shop.example/"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://127.0.0.1/", "http://0x7f.0.0.1/", "http://u@127.0.0.1/"})
  void allowingPrivateTargetsStillRequiresAWebUrl(String url) {
    TargetPolicy open = new TargetPolicy(true, TargetPolicyTest::resolve);
    assertThatThrownBy(() -> open.check(TargetPolicy.parse(url)))
        .isInstanceOf(TargetPolicy.Refused.class);
  }

  @org.junit.jupiter.api.Test
  void aUrlLongerThanTheLimitIsRefused() {
    refused("https://shop.example/" + "a".repeat(TargetPolicy.URL_LENGTH_MAX));
  }
}
