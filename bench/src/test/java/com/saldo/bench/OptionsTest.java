package com.saldo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saldo.bench.Bench.Options;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void readsEveryFlagAndDefaultsTheRest() {
    Options o =
        Options.parse(
            new String[] {"pos-mix", "--rate", "3000", "--duration", "20s", "--customers", "5000"});
    assertThat(o.workload()).isEqualTo("pos-mix");
    assertThat(o.rate()).isEqualTo(3000);
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.customers()).isEqualTo(5000);
    assertThat(o.clients()).isEqualTo(64);
    assertThat(Options.parse(new String[] {"batch"}).clients()).isEqualTo(4);
  }

  @Test
  void aMisspeltFlagIsRefusedNotIgnored() {
    // Ignored, "--clinets 8" would run 64 clients and report them as the figure for 8.
    assertThatThrownBy(() -> Options.parse(new String[] {"pos-mix", "--clinets", "8"}))
        .hasMessage("unknown flag --clinets");
    assertThatThrownBy(() -> Options.parse(new String[] {"pos-mix", "--rate", "1", "--rate", "2"}))
        .hasMessage("--rate given twice");
    assertThatThrownBy(() -> Options.parse(new String[] {"pos-mix", "--rate"}))
        .hasMessage("expected --flag value, got --rate");
    assertThatThrownBy(() -> Options.parse(new String[] {"checkout"}))
        .hasMessage("unknown workload checkout");
  }

  @Test
  void everyCountIsBounded() {
    assertThatThrownBy(() -> Options.parse(new String[] {"reads", "--clients", "0"}))
        .hasMessage("0 is not within 1..4096");
    assertThatThrownBy(() -> Options.parse(new String[] {"reads", "--clients", "4097"}))
        .hasMessage("4097 is not within 1..4096");
    assertThatThrownBy(() -> Options.parse(new String[] {"reads", "--rate", "1000001"}))
        .hasMessage("1000001 is not within 0..1000000");
    assertThatThrownBy(() -> Options.parse(new String[] {"reads", "--customers", "1000001"}))
        .hasMessage("1000001 is not within 1..1000000");
  }

  @Test
  void everyTimeIsBoundedAndAColdStartNeedsALastThirdToCallWarm() {
    assertThatThrownBy(() -> Options.parse(new String[] {"reads", "--duration", "0s"}))
        .hasMessage("--duration 0s is not within 1s..86400s");
    assertThatThrownBy(() -> Options.parse(new String[] {"cold-start", "--duration", "2s"}))
        .hasMessage("--duration 2s is not within 3s..86400s");
    assertThatThrownBy(() -> Options.parse(new String[] {"reads", "--warmup", "-1s"}))
        .hasMessage("--warmup -1s is not within 0s..3600s");
    assertThatThrownBy(() -> Options.parse(new String[] {"reads", "--duration", "soon"}))
        .hasMessage("--duration must be a time such as 30s or 2m, not soon");
  }

  @Test
  void theUsageNamesEveryFlag() {
    for (String flag :
        new String[] {
          "--url",
          "--operator-key",
          "--direct",
          "--clients",
          "--rate",
          "--duration",
          "--warmup",
          "--customers",
          "--merchants",
          "--vcpus",
          "--report-dir"
        }) {
      assertThat(Options.USAGE).contains(flag + " ");
    }
  }
}
