package io.github.quotemailer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SendSampleCommandTest {
  @Test
  @Timeout(60)
  void printsOneDeliveryFromTheOwnMailboxAndOneFromTheCompany() {
    CliRun sendSample = CliRun.run("", "send-sample");

    assertThat(sendSample.exit()).as(sendSample.out() + sendSample.err()).isZero();
    assertThat(sendSample.out())
        .contains("Juan Pérez (with own SMTP account):")
        .contains("identity used : juan@inair.example")
        .contains("reason        : OWN_ACCOUNT")
        .contains("From          : Juan Pérez <juan@inair.example>")
        .contains("María López (without SMTP settings):")
        .contains("identity used : ventas@inair.example")
        .contains("reason        : NOT_CONFIGURED")
        .contains("From          : María López (via INAIR) <ventas@inair.example>")
        .contains("Reply-To      : maria@inair.example")
        .contains("Verified juan's own account: result=ACCEPTED reply=\"")
        .contains("server reply  : result=ACCEPTED reply=\"250");
  }
}
