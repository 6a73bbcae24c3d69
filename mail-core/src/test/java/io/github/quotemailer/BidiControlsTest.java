package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.identity.CompanySender;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.quote.Company;
import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.secret.SecretCipher;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.template.EmailContent;
import io.github.quotemailer.testing.MailerFixture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unicode bidirectional controls in a header-bound field can make a From name read backwards
 * ("Trojan Source"-style spoofing): every such field refuses them, naming itself.
 */
class BidiControlsTest {
  private static final SmtpServer SERVER =
      SmtpServer.of("smtp.inair.example", 465, TransportSecurity.IMPLICIT_TLS);

  static Stream<Character> bidiControls() {
    return Stream.of(
            IntStream.rangeClosed(0x202A, 0x202E),
            IntStream.rangeClosed(0x2066, 0x2069),
            IntStream.of(0x200E, 0x200F, 0x061C))
        .flatMapToInt(s -> s)
        .mapToObj(c -> (char) c);
  }

  @ParameterizedTest
  @MethodSource("bidiControls")
  void theSalespersonsNameRefusesIt(char control) {
    String name = "Juan " + control + "zereP";
    assertRejected(() -> Salesperson.of("juan", name, "juan@inair.example"), "salesperson.name");
  }

  @ParameterizedTest
  @MethodSource("bidiControls")
  void theSettingsDisplayNameRefusesIt(char control) {
    assertRejected(
        () ->
            UserSmtpSettings.of(
                "juan",
                EmailAddress.of("juan@inair.example"),
                "Juan" + control + " Pérez",
                SecretCipher.create(MailerFixture.KEYS).encrypt(Secret.of("pw-12345"), "juan")),
        "displayName");
  }

  @ParameterizedTest
  @MethodSource("bidiControls")
  void theCompanySendersNameRefusesIt(char control) {
    assertRejected(
        () ->
            CompanySender.of(
                new SmtpAccount(SERVER, "ventas@inair.example", Secret.of("pw-12345")),
                EmailAddress.of("ventas@inair.example"),
                "INAIR" + control),
        "company.name");
  }

  @ParameterizedTest
  @MethodSource("bidiControls")
  void theQuotesCompanyAndCustomerNamesRefuseIt(char control) {
    assertRejected(() -> Company.named(control + "INAIR"), "company.name");
    assertRejected(() -> Customer.named("Hospital" + control), "customer.name");
  }

  @ParameterizedTest
  @MethodSource("bidiControls")
  void theSubjectRefusesIt(char control) {
    assertRejected(
        () -> new EmailContent("Cotización COT-1 " + control + "fdp.exe", "text", ""), "subject");
  }

  @ParameterizedTest
  @MethodSource("bidiControls")
  void aHostsSubjectPatternRefusesItWhenConfigured(char control) {
    assertRejected(
        () ->
            new io.github.quotemailer.template.EmailPatterns(
                "Cotización {0}" + control, "{1}", "<p>{1}</p>"),
        "template.subject");
  }

  @ParameterizedTest
  @MethodSource("bidiControls")
  void multiLineTextOutsideHeadersStillAcceptsIt(char control) {
    // Notes and descriptions never reach a header; right-to-left text may need the marks there.
    assertThat(
            io.github.quotemailer.quote.LineItem.of(
                    "Servicio " + control + "שירות",
                    "1",
                    io.github.quotemailer.quote.Money.of("10.00", "MXN"))
                .description())
        .contains(String.valueOf(control));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "xn--abcdef-kl0c", "xn--abcdef-rl0c", "xn--abcdef-yl0c", "xn--abcdef-5l0c",
        "xn--abcdef-dm0c", "xn--abcdef-kx0c", "xn--abcdef-rx0c", "xn--abcdef-yx0c",
        "xn--abcdef-5x0c", "xn--abcdef-yf0c", "xn--abcdef-5f0c", "xn--abcdef-khi"
      })
  void anAsciiDomainThatDecodesToABidiControlIsRefused(String label) {
    // Each label is Punycode for "abc", one bidirectional control, "def" (U+202A ... U+061C).
    assertThatThrownBy(() -> EmailAddress.of("to", "juan@" + label + ".example"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("to"));
  }

  @org.junit.jupiter.api.Test
  void aValidInternationalDomainStillPasses() {
    assertThat(EmailAddress.of("to", "ventas@xn--climatizacin-bib.example").value())
        .isEqualTo("ventas@xn--climatizacin-bib.example");
    assertThat(EmailAddress.of("to", "ventas@climatización.example").value())
        .isEqualTo("ventas@xn--climatizacin-bib.example");
  }

  @org.junit.jupiter.api.Test
  void aLoneSurrogateIsRefusedInHeaderAndBodyText() {
    assertThatThrownBy(() -> Salesperson.of("juan", "Juan \uD800", "juan@inair.example"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unpaired UTF-16 surrogate U+D800")
        .satisfies(
            e -> assertThat(((InvalidInputException) e).field()).isEqualTo("salesperson.name"));
    assertThatThrownBy(
            () ->
                io.github.quotemailer.quote.LineItem.of(
                    "Servicio \uDC00", "1", io.github.quotemailer.quote.Money.of("1.00", "MXN")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("U+DC00");
    // A proper pair (an emoji) is a character, and stays.
    assertThat(Customer.named("Laura \uD83D\uDE00").name()).endsWith("\uD83D\uDE00");
  }

  @org.junit.jupiter.api.Test
  void aNullRecipientIsRefusedByIndex() {
    java.util.List<EmailAddress> to = new java.util.ArrayList<>();
    to.add(EmailAddress.of("compras@hsjn.example"));
    to.add(null);
    assertThatThrownBy(
            () ->
                new QuoteEmail(
                    io.github.quotemailer.testing.Quotes.sample("juan"),
                    to,
                    java.util.List.of(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("to[1]:");
  }

  private static void assertRejected(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bidirectional control")
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
  }
}
