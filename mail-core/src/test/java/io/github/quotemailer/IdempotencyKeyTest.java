package io.github.quotemailer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.outbox.EnqueueResult;
import io.github.quotemailer.outbox.InMemoryOutbox;
import io.github.quotemailer.outbox.OutboxMessage;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import io.github.quotemailer.testing.MailerFixture;
import io.github.quotemailer.testing.Quotes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default idempotency key: deal + quote + version + the recipients, so correcting a customer's
 * address and moving the deal again sends the quote to the corrected address.
 */
class IdempotencyKeyTest {
  private final Quote quote = Quotes.sample("juan");

  @Test
  void theDefaultKeyIsDealQuoteVersionAndADigestOfTheSortedRecipients() throws Exception {
    QuoteEmail email =
        QuoteEmail.of(quote, "Compras@hsjn.example", "direccion@hsjn.example").withDealId("d-7");

    // Computed here independently: SHA-256 of the lower-cased addresses, sorted, comma-joined.
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest("compras@hsjn.example,direccion@hsjn.example".getBytes(StandardCharsets.UTF_8));
    assertThat(email.effectiveIdempotencyKey())
        .isEqualTo("d-7:COT-2025-0142:v1:to=" + HexFormat.of().formatHex(digest, 0, 8));
  }

  @Test
  void theOrderOfTheRecipientsDoesNotMatter() {
    QuoteEmail one = QuoteEmail.of(quote, "a@hsjn.example", "b@hsjn.example").withDealId("d-7");
    QuoteEmail other = QuoteEmail.of(quote, "b@hsjn.example", "a@hsjn.example").withDealId("d-7");

    assertThat(one.effectiveIdempotencyKey()).isEqualTo(other.effectiveIdempotencyKey());
  }

  @Test
  void aCorrectedAddressMakesANewKeyAndCcCounts() {
    QuoteEmail wrong = QuoteEmail.of(quote, "compars@hsjn.example").withDealId("d-7");
    QuoteEmail corrected = QuoteEmail.of(quote, "compras@hsjn.example").withDealId("d-7");
    QuoteEmail withCc = corrected.withCc(List.of(EmailAddress.of("jefe@hsjn.example")));

    assertThat(corrected.effectiveIdempotencyKey())
        .isNotEqualTo(wrong.effectiveIdempotencyKey())
        .isNotEqualTo(withCc.effectiveIdempotencyKey());
  }

  @Test
  void anExplicitKeyWinsAsGiven() {
    QuoteEmail email =
        QuoteEmail.of(quote, "compras@hsjn.example").withDealId("d-7").withIdempotencyKey("k-1");

    assertThat(email.effectiveIdempotencyKey()).isEqualTo("k-1");
  }

  @Test
  void aLongDealIdAndQuoteNumberStillMakeAKeyTheOutboxAccepts() {
    Quote longNumber =
        Quote.builder("Q".repeat(64), quote.company(), quote.customer(), quote.salesperson())
            .item(quote.items().get(0))
            .build();
    QuoteEmail email =
        QuoteEmail.of(longNumber, "compras@hsjn.example").withDealId("d".repeat(128));

    assertThat(email.effectiveIdempotencyKey())
        .hasSizeLessThanOrEqualTo(OutboxMessage.MAX_KEY_LENGTH)
        .startsWith("sha256:");
  }

  @Test
  void enqueueingAgainAfterCorrectingTheAddressStoresANewEntry() {
    SmtpServer unused = SmtpServer.of("127.0.0.1", 1, TransportSecurity.PLAIN);
    InMemoryOutbox outbox = new InMemoryOutbox();
    try (QuoteMailer mailer =
        MailerFixture.mailer(
                MailerFixture.company(unused),
                new io.github.quotemailer.identity.InMemoryUserSmtpRepository(),
                new io.github.quotemailer.delivery.InMemoryDeliveryLog(),
                new io.github.quotemailer.delivery.DeliveryListener() {})
            .outbox(outbox)
            .build()) {
      EnqueueResult wrong =
          mailer.enqueue(QuoteEmail.of(quote, "compars@hsjn.example").withDealId("d-7"));
      EnqueueResult again =
          mailer.enqueue(QuoteEmail.of(quote, "compars@hsjn.example").withDealId("d-7"));
      EnqueueResult corrected =
          mailer.enqueue(QuoteEmail.of(quote, "compras@hsjn.example").withDealId("d-7"));

      assertThat(again.created()).isFalse();
      assertThat(corrected.created()).isTrue();
      assertThat(corrected.id()).isNotEqualTo(wrong.id());
      assertThat(outbox.find(corrected.id()).orElseThrow().message().to())
          .extracting(EmailAddress::value)
          .containsExactly("compras@hsjn.example");
    }
  }

  @Test
  void aColonInsideTheDealOrQuoteNumberCannotMakeTwoEmailsShareAKey() {
    Quote quoteOne = withNumber("1");
    Quote quoteCot1 = withNumber("COT:1");
    Quote dealAndQuote = withNumber("deal-42:COT-1");

    String a =
        QuoteEmail.of(quoteOne, "compras@hsjn.example")
            .withDealId("42:COT")
            .effectiveIdempotencyKey();
    String b =
        QuoteEmail.of(quoteCot1, "compras@hsjn.example").withDealId("42").effectiveIdempotencyKey();
    String c = QuoteEmail.of(dealAndQuote, "compras@hsjn.example").effectiveIdempotencyKey();
    String d =
        QuoteEmail.of(withNumber("COT-1"), "compras@hsjn.example")
            .withDealId("deal-42")
            .effectiveIdempotencyKey();

    assertThat(a).isNotEqualTo(b).startsWith("42%3ACOT:1:v1:to=");
    assertThat(c).isNotEqualTo(d).startsWith("deal-42%3ACOT-1:v1:to=");
    assertThat(d).startsWith("deal-42:COT-1:v1:to=");
  }

  private Quote withNumber(String number) {
    return Quote.builder(number, quote.company(), quote.customer(), quote.salesperson())
        .item(quote.items().get(0))
        .build();
  }
}
