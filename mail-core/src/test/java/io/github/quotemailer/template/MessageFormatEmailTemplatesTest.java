package io.github.quotemailer.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.quote.Quote;
import io.github.quotemailer.testing.Quotes;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageFormatEmailTemplatesTest {
  private final Quote sample = Quotes.sample("juan");

  @Test
  void spanishIsTheDefault() {
    EmailContent content = MessageFormatEmailTemplates.defaults().render(sample);

    assertThat(content.subject())
        .isEqualTo("Cotización COT-2025-0142 de INAIR Climatización S.A. de C.V.");
    assertThat(content.text())
        .contains("Estimado(a) Laura Martínez Ñúñez:")
        .contains("$108,522.35 MXN")
        .contains("8 de enero de 2026")
        .contains("Juan Pérez");
    assertThat(content.html()).contains("<strong>COT-2025-0142</strong>");
  }

  @Test
  void englishWhenTheQuoteIsInEnglish() {
    Quote english = sample.withLocale(Locale.ENGLISH);

    EmailContent content = MessageFormatEmailTemplates.defaults().render(english);

    assertThat(content.subject())
        .isEqualTo("Quote COT-2025-0142 from INAIR Climatización S.A. de C.V.");
    assertThat(content.text())
        .contains("Dear Laura")
        .contains("January 8, 2026")
        .contains("I'm happy");
  }

  @Test
  void hostPatternsReplaceTheBundledOnesAndHtmlArgumentsAreEscaped() {
    MessageFormatEmailTemplates templates =
        MessageFormatEmailTemplates.builder()
            .patterns(
                Locale.forLanguageTag("es-MX"),
                new EmailPatterns("Su cotización {0}", "Hola {1}", "<p>Hola {1} de {5}</p>"))
            .build();
    Quote quote =
        new Quote(
            sample.number(),
            1,
            sample.issueDate(),
            sample.validUntil(),
            sample.currency(),
            sample.locale(),
            io.github.quotemailer.quote.Company.named("A&B <Aire>"),
            sample.customer(),
            sample.salesperson(),
            sample.items(),
            sample.taxRatePercent(),
            sample.notes(),
            sample.terms());

    EmailContent content = templates.render(quote);

    assertThat(content.subject()).isEqualTo("Su cotización COT-2025-0142");
    assertThat(content.html())
        .isEqualTo("<p>Hola Laura Martínez Ñúñez de A&amp;B &lt;Aire&gt;</p>");
  }

  @Test
  void aBrokenHostPatternIsRefusedWhenConfiguredNamingTheField() {
    assertThatThrownBy(
            () ->
                MessageFormatEmailTemplates.builder()
                    .patterns(Locale.ENGLISH, new EmailPatterns("Quote {0", "{1}", "<p>{1}</p>")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).field()).isEqualTo("template.subject"));
    // Arguments are text: a format type fails with the first quote otherwise.
    assertThatThrownBy(
            () ->
                MessageFormatEmailTemplates.builder()
                    .patterns(
                        Locale.ENGLISH, new EmailPatterns("Quote {0}", "Total {2,number}", "<p/>")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("without a format type")
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("template.text"));
  }

  @Test
  void aRightToLeftLocalesFormatsAddNoBidiMarksToTheSubject() {
    Locale hebrew = Locale.forLanguageTag("he-IL");
    MessageFormatEmailTemplates templates =
        MessageFormatEmailTemplates.builder()
            .patterns(hebrew, new EmailPatterns("הצעת מחיר {0} {2} {3}", "{2}", "<p>{3}</p>"))
            .build();

    EmailContent content = templates.render(sample.withLocale(hebrew));

    assertThat(content.subject())
        .startsWith("הצעת מחיר COT-2025-0142")
        .contains("108,522.35")
        .doesNotContain("\u200F", "\u200E", "\u061C");
  }

  @Test
  void aLanguageWithoutTextsGetsTheSpanishOnesFormattedTheMexicanWay() {
    EmailContent content =
        MessageFormatEmailTemplates.defaults().render(sample.withLocale(Locale.FRENCH));

    assertThat(content.subject()).startsWith("Cotización COT-2025-0142");
    assertThat(content.text()).contains("$108,522.35 MXN").contains("8 de enero de 2026");
  }
}
