package io.github.quotemailer.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.quotemailer.examples.demo.CrmService.MailboxState;
import io.github.quotemailer.examples.demo.CrmService.MoveResult;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Users page's mailbox status follows what the library stored: verified, company fallback, not
 * verified, rejected, disabled, OAuth2 needing a reconnect, and over its sending limit.
 */
class DemoMailboxStatesTest {
  @TempDir Path dir;

  @Test
  void everyStateComesFromTheLibrarysOwnRecord() {
    try (CrmDemo demo = CrmDemo.start(dir, 0)) {
      CrmService crm = demo.service();
      assertThat(crm.mailboxState("juan")).isEqualTo(MailboxState.OWN_VERIFIED);
      assertThat(crm.mailboxState("maria")).isEqualTo(MailboxState.COMPANY_FALLBACK);

      String ana = "ana.torres@inair.example";
      crm.saveSmtp("ana", form(ana, demo.mailboxPasswords().get(ana), "", true));
      assertThat(crm.mailboxState("ana")).isEqualTo(MailboxState.NOT_VERIFIED);

      String carlos = "carlos.ortega@inair.example";
      crm.saveSmtp("carlos", form(carlos, "not-the-password", "", true));
      assertThat(crm.testSmtp("carlos").succeeded()).isFalse();
      assertThat(crm.mailboxState("carlos")).isEqualTo(MailboxState.REJECTED);

      String maria = "maria.lopez@inair.example";
      crm.saveSmtp("maria", form(maria, demo.mailboxPasswords().get(maria), "", false));
      assertThat(crm.mailboxState("maria")).isEqualTo(MailboxState.DISABLED);

      UserSmtpSettings.Draft elena =
          UserSmtpSettings.draft(
                  "elena", EmailAddress.of("elena.moreno@inair.example"), "Elena Moreno")
              .server(
                  SmtpServer.of("smtp.office365.com", 587, TransportSecurity.STARTTLS_REQUIRED));
      crm.mailer()
          .userSettings()
          .saveOAuth2(
              elena,
              OAuth2Grant.of(
                  OAuth2Client.microsoft("contoso.example", "00000000-0000-0000-0000-000000000001"),
                  Secret.of("refresh-token-for-the-test")));
      crm.mailer()
          .userSettings()
          .updateHealth("elena", SettingsHealth.tokenRevoked(Instant.now(), "invalid_grant"));
      assertThat(crm.mailboxState("elena")).isEqualTo(MailboxState.OAUTH2_RECONNECT);

      // Juan keeps his stored password and gets a limit of one message an hour, then sends one.
      String juan = "juan.perez@inair.example";
      crm.saveSmtp("juan", form(juan, "", "1/1h", true));
      assertThat(crm.mailboxState("juan")).isEqualTo(MailboxState.OWN_VERIFIED);
      assertThat(crm.move(crm.user("juan").orElseThrow(), 2, Stage.QUOTE_SENT))
          .isEqualTo(MoveResult.QUEUED);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> crm.mailboxState("juan") == MailboxState.OVER_LIMIT);
    }
  }

  private static SmtpForm form(String address, String password, String limit, boolean enabled) {
    return new SmtpForm(
        address, "", "", ServerPreset.DEMO_SMTPS, "", "", "", password, limit, enabled);
  }
}
