package com.saldo.webhooks.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignerTest {

  @Test
  void reproducesTheStandardWebhooksTestVectorByteForByte() {
    byte[] key = Signer.keyOf("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    String signature =
        Signer.sign(
            key,
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void duringARotationBothSecretsSignSpaceSeparated() {
    byte[] old = Signer.keyOf("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    byte[] fresh = Signer.keyOf(Signer.newSecret());
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String header = Signer.header(List.of(fresh, old), "id", 1, body);
    assertThat(header.split(" "))
        .containsExactly(Signer.sign(fresh, "id", 1, body), Signer.sign(old, "id", 1, body));
  }

  @Test
  void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
    String a = Signer.newSecret();
    assertThat(a).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
    assertThat(Signer.newSecret()).isNotEqualTo(a);
  }

  @Test
  void aSealedSecretOpensOnlyWithItsKeyAndForItsEndpoint() {
    SecretBox box = new SecretBox(new byte[32]);
    byte[] sealed = box.seal("whsec_abc", "endpoint-1");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("whsec_abc");
    assertThat(box.open(sealed, "endpoint-1")).isEqualTo("whsec_abc");
    assertThatThrownBy(() -> box.open(sealed, "endpoint-2"))
        .isInstanceOf(IllegalStateException.class);
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    assertThatThrownBy(() -> new SecretBox(otherKey).open(sealed, "endpoint-1"))
        .isInstanceOf(IllegalStateException.class);
  }
}
