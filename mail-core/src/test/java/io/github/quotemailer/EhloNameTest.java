package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.delivery.DeliveryListener;
import io.github.quotemailer.delivery.InMemoryDeliveryLog;
import io.github.quotemailer.identity.InMemoryUserSmtpRepository;
import io.github.quotemailer.internal.transport.HeloName;
import io.github.quotemailer.testing.Closer;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.ScriptedSmtpServer;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The name the mailer announces in EHLO: the host's choice, else this machine's name. */
@Timeout(60)
class EhloNameTest {
  @RegisterExtension
  @Order(1)
  final Closer closer = new Closer();

  private final ScriptedSmtpServer server = closer.track(ScriptedSmtpServer.builder().start());

  private QuoteMailer.Builder mailer() {
    return MailerFixture.mailer(
        MailerFixture.company(MailerFixture.plain(server.port())),
        new InMemoryUserSmtpRepository(),
        new InMemoryDeliveryLog(),
        new DeliveryListener() {});
  }

  private List<String> ehloLines() {
    return server.commands().stream().filter(c -> c.startsWith("EHLO ")).toList();
  }

  @Test
  void theConfiguredNameIsAnnounced() {
    closer.track(mailer().heloName("crm.inair.example").build()).send(MailerFixture.email());

    assertThat(ehloLines()).containsExactly("EHLO crm.inair.example");
  }

  @Test
  void withoutOneThisMachinesNameIsAnnounced() {
    closer.track(mailer().build()).send(MailerFixture.email());

    assertThat(ehloLines()).containsExactly("EHLO " + HeloName.ofThisMachine().get());
  }

  @Test
  void aNameThatIsNotAHostNameIsRefusedAtBuild() {
    assertThatThrownBy(() -> mailer().heloName("crm inair").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "heloName: 'crm inair' is neither a host name nor an address literal such as"
                + " [192.0.2.1]");
    assertThatThrownBy(() -> mailer().heloName("crm.example\r\nRSET").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("heloName: ");
    assertThatThrownBy(() -> mailer().heloName(" ").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("heloName: is required");
    assertThat(server.connections()).isZero();
  }
}
