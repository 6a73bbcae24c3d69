package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.quote.Customer;
import io.github.quotemailer.quote.Salesperson;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.Secret;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values that would inject headers or SMTP commands are refused before anything is built. */
class HeaderInjectionTest {
  static Stream<String> hostileText() {
    return Stream.of(
        "Juan\r\nBcc: victim@evil.example",
        "Juan\nBcc: victim@evil.example",
        "Juan\rBcc: victim@evil.example",
        "Juan\0Pérez",
        "Juan\u2028Bcc: x@evil.example",
        "Juan\u0085Bcc: x@evil.example",
        "\r\n\r\nDATA",
        "Juan%0d%0aBcc: literal-percent-is-fine-but-crlf-is-not\r\n");
  }

  static Stream<String> hostileAddresses() {
    return Stream.of(
        "juan@inair.example\r\nRCPT TO:<victim@evil.example>",
        "juan@inair.example>\r\nDATA",
        "juan@inair.example\0",
        "juan@inair.example\nBcc: x@evil.example",
        "<juan@inair.example>",
        "juan pérez@inair.example",
        "用户@例子.广告",
        "juan@",
        "@inair.example",
        "",
        "   ",
        "juan@inair",
        "juan@@inair.example",
        "a".repeat(250) + "@inair.example");
  }

  @ParameterizedTest
  @MethodSource("hostileText")
  void salespersonNamesWithLineBreaksAreRejected(String name) {
    assertThatThrownBy(() -> Salesperson.of("juan", name, "juan@inair.example"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("salesperson.name");
  }

  @ParameterizedTest
  @MethodSource("hostileText")
  void customerNamesWithLineBreaksAreRejected(String name) {
    assertThatThrownBy(() -> Customer.named(name))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("customer.name");
  }

  @ParameterizedTest
  @MethodSource("hostileAddresses")
  void invalidOrHostileAddressesAreRejected(String address) {
    assertThatThrownBy(() -> EmailAddress.of("to", address))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("to:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pw\r\nQUIT", "pw\nAUTH", "pw\0", ""})
  void passwordsWithLineBreaksAreRejectedWithoutEchoingThem(String password) {
    assertThatThrownBy(() -> Secret.of(password))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(password.isEmpty() ? "\u0001" : password));
  }

  @ParameterizedTest
  @ValueSource(strings = {"juan@ÑANDÚ.example", "Juan@Inair.Example"})
  void internationalDomainsBecomeAscii(String address) {
    EmailAddress parsed = EmailAddress.of(address);
    assertThat(parsed.value()).matches("[\\x21-\\x7e]+");
    assertThat(parsed.domain()).isEqualTo(parsed.domain().toLowerCase(java.util.Locale.ROOT));
  }

  @ParameterizedTest
  @MethodSource("hostileText")
  void quoteNumbersWithLineBreaksAreRejected(String value) {
    var sample = io.github.quotemailer.testing.Quotes.sample("juan");
    var builder =
        io.github.quotemailer.quote.Quote.builder(
                value, sample.company(), sample.customer(), sample.salesperson())
            .dates(sample.issueDate(), sample.validUntil())
            .items(sample.items());
    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("number");
  }

  @ParameterizedTest
  @MethodSource("hostileText")
  void dealIdsWithLineBreaksAreRejected(String value) {
    var quote = io.github.quotemailer.testing.Quotes.sample("juan");
    assertThatThrownBy(
            () ->
                new QuoteEmail(
                    quote,
                    java.util.List.of(EmailAddress.of("a@b.example")),
                    null,
                    Optional.of(value),
                    Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("dealId");
  }
}
