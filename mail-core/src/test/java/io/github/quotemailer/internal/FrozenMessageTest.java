package io.github.quotemailer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.contract.StoreSamples;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.internal.pipeline.SenderIdentity;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A built message is serialised once; what is measured is what is sent, even after a change. */
class FrozenMessageTest {
  private static final EmailAddress COMPANY = EmailAddress.of("ventas@inair.example");

  private final MimeMessage message =
      MessageFactory.build(
          new SenderIdentity(
              new SmtpAccount(
                  SmtpServer.of("smtp.inair.example", 587, TransportSecurity.STARTTLS_REQUIRED),
                  COMPANY.value(),
                  Secret.of("company-secret")),
              Optional.empty(),
              COMPANY,
              COMPANY,
              "INAIR",
              Optional.empty(),
              Optional.empty(),
              ResolutionReason.NOT_CONFIGURED,
              Optional.empty(),
              Optional.empty()),
          StoreSamples.message("key-1", "<m1@inair.example>", StoreSamples.T0),
          Instant.parse("2025-12-09T10:00:00Z"));

  @Test
  void theSizeIsTheLengthOfWhatIsWritten() throws Exception {
    byte[] written = written(message);

    assertThat(MessageFactory.sizeOf(message)).isEqualTo(written.length);
    assertThat(written(message)).as("the same bytes every time").isEqualTo(written);
    assertThat(new String(written, StandardCharsets.US_ASCII))
        .contains("Message-ID: <m1@inair.example>");
  }

  @Test
  void aChangeAfterBuildingIsWrittenAndMeasured() throws Exception {
    long before = MessageFactory.sizeOf(message);

    message.setHeader("X-Quote-Check", "changed after freezing");

    byte[] written = written(message);
    assertThat(new String(written, StandardCharsets.US_ASCII))
        .contains("X-Quote-Check: changed after freezing");
    assertThat(MessageFactory.sizeOf(message)).isEqualTo(written.length).isGreaterThan(before);
  }

  private static byte[] written(MimeMessage message) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out, new String[] {"Bcc", "Content-Length"});
    return out.toByteArray();
  }
}
