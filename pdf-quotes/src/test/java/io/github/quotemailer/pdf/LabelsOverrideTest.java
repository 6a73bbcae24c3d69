package io.github.quotemailer.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A host's bundle replaces the labels it defines and keeps the built-in text for the rest. */
class LabelsOverrideTest {

  @Test
  void hostBundleOverridesSomeLabels() {
    OpenPdfQuoteRenderer renderer =
        OpenPdfQuoteRenderer.builder().labels("io.github.quotemailer.pdf.HostLabels").build();

    PdfText pdf = PdfText.parse(renderer.render(SampleQuotes.sample()));

    assertThat(pdf.normalized())
        .contains("Propuesta comercial")
        .contains("EJECUTIVO DE CUENTA")
        .contains("Descripción")
        .contains("Página 1 de 1");
  }

  @Test
  void rejectsABundleThatDoesNotExist() {
    assertThatThrownBy(() -> OpenPdfQuoteRenderer.builder().labels("com.example.Missing"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("labels");
  }
}
