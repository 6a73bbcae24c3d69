package io.github.quotemailer.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.smtp.EmailAddress;
import io.github.quotemailer.testing.Quotes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteBuildersTest {
  private static final Money ONE_PESO = Money.of("1.00", "MXN");

  @Test
  void buildTheSampleQuoteWithoutOptionals() {
    Company company =
        Company.builder("INAIR Climatización S.A. de C.V.")
            .taxId("ICL010101AB1")
            .address("Av. Industrias 1234, Col. Centro, Monterrey, N.L., México")
            .phone("+52 81 5555 0100")
            .email("ventas@inair.example")
            .website("https://inair.example")
            .build();
    Customer customer =
        Customer.builder("Laura Martínez Ñúñez")
            .company("Hospital San José del Norte")
            .taxId("HSJ990101XY2")
            .email("compras@hsjn.example")
            .address("Calle Reforma 45, Saltillo, Coah.")
            .build();
    Salesperson juan = Salesperson.of("juan", "Juan Pérez", "juan@inair.example");

    Quote quote =
        Quote.builder("COT-2025-0142", company, customer, juan)
            .issueDate(LocalDate.of(2025, 12, 9))
            .validUntil(LocalDate.of(2026, 1, 8))
            .items(
                List.of(
                    line(
                            "MS-24K-INV",
                            "Minisplit inverter 24,000 BTU, 220 V, sólo frío",
                            "18450.00")
                        .unit("pza")
                        .discountPercent("5")
                        .build(),
                    line("INST-MS", "Instalación de minisplit", "3200.00")
                        .unit("servicio")
                        .build()))
            .item(
                LineItem.builder(
                        "Tubería de cobre 3/8\" adicional",
                        new BigDecimal("12.5"),
                        Money.of("289.90", "MXN"))
                    .sku("TUB-CU-38")
                    .unit("m")
                    .build())
            .item(
                LineItem.builder(
                        "Póliza de mantenimiento preventivo anual", "1", Money.of("7800.00", "MXN"))
                    .sku("MANT-ANUAL")
                    .unit("póliza")
                    .discountPercent(new BigDecimal("10"))
                    .build())
            .notes("Precios en pesos mexicanos.")
            .build();

    assertThat(quote).isEqualTo(Quotes.sample("juan"));
  }

  @Test
  void nullOrBlankOptionalValuesAreAbsent() {
    Customer customer =
        Customer.builder("Laura").company(null).taxId(" ").email((String) null).address("").build();
    Company company = Company.builder("INAIR").taxId(null).website(" ").build();
    LineItem line = LineItem.builder("x", "1", ONE_PESO).sku(null).unit(" ").build();

    assertThat(customer).isEqualTo(Customer.named("Laura"));
    assertThat(company).isEqualTo(Company.named("INAIR"));
    assertThat(line).isEqualTo(LineItem.of("x", "1", ONE_PESO));
    assertThat(line.sku()).isEmpty();
    assertThat(line.discountPercent()).isZero();
    assertThat(line.taxExempt()).isFalse();
  }

  @Test
  void theRecordsStillValidateWhatTheBuildersCollect() {
    assertField(() -> Customer.builder(" ").build(), "customer.name");
    assertField(() -> Customer.builder("Laura").email("compras"), "customer.email");
    assertField(() -> Company.builder("INAIR").phone("1\r\nBcc: x").build(), "company.phone");
    assertField(
        () -> LineItem.builder("x", "1", ONE_PESO).discountPercent("150").build(),
        "items[].discountPercent");
    assertField(() -> LineItem.builder("x", "1e3", ONE_PESO), "items[].quantity");
    assertField(
        () ->
            quote()
                .issueDate(LocalDate.of(2025, 2, 1))
                .validUntil(LocalDate.of(2025, 1, 1))
                .build(),
        "validUntil");
  }

  @Test
  void aQuoteIsValidThirtyDaysFromItsIssueDateUnlessToldOtherwise() {
    Quote quote = quote().issueDate(LocalDate.of(2025, 12, 9)).build();

    assertThat(quote.validUntil()).isEqualTo(LocalDate.of(2026, 1, 8));
  }

  @Test
  void itemsAndTermsAreAddedInOrder() {
    Quote quote =
        Quote.builder("Q-1", Company.named("INAIR"), Customer.named("Laura"), juan())
            .item(LineItem.of("first", "1", ONE_PESO))
            .items(
                List.of(LineItem.of("second", "1", ONE_PESO), LineItem.of("third", "1", ONE_PESO)))
            .term("one")
            .terms(List.of("two", "three"))
            .build();

    assertThat(quote.items())
        .extracting(LineItem::description)
        .containsExactly("first", "second", "third");
    assertThat(quote.terms()).containsExactly("one", "two", "three");
  }

  @Test
  void theCurrencyAndTaxRateCanBeGivenAsText() {
    Quote quote =
        Quote.builder("Q-1", Company.named("INAIR"), Customer.named("Laura"), juan())
            .currency("usd")
            .taxRatePercent("8")
            .item(LineItem.of("x", "1", Money.of("100.00", "USD")))
            .build();

    assertThat(quote.currency()).isEqualTo(Currency.getInstance("USD"));
    assertThat(quote.tax().amount()).isEqualByComparingTo("8.00");
  }

  @Test
  void aSalespersonCanHaveAPhone() {
    Salesperson juan = juan().withPhone("+52 81 5555 0142");

    assertThat(juan.phone()).contains("+52 81 5555 0142");
    assertThat(juan.withPhone(null).phone()).isEmpty();
    assertThat(juan.email()).isEqualTo(EmailAddress.of("juan@inair.example"));
    assertField(() -> juan.withPhone("1\n2"), "salesperson.phone");
  }

  private static Quote.Builder quote() {
    return Quote.builder("Q-1", Company.named("INAIR"), Customer.named("Laura"), juan())
        .item(LineItem.of("x", "1", ONE_PESO));
  }

  private static Salesperson juan() {
    return Salesperson.of("juan", "Juan Pérez", "juan@inair.example");
  }

  private static LineItem.Builder line(String sku, String description, String price) {
    return LineItem.builder(description, "4", Money.of(price, "MXN")).sku(sku);
  }

  @Test
  void aNullOrBlankPercentageGivenAsTextKeepsTheDefault() {
    LineItem line =
        LineItem.builder("Servicio", "1", Money.of("100.00", "MXN"))
            .discountPercent((String) null)
            .discountPercent(" ")
            .build();
    Quote quote =
        Quote.builder(
                "COT-9",
                Company.named("INAIR"),
                Customer.named("Laura"),
                Salesperson.of("juan", "Juan", "juan@inair.example"))
            .item(line)
            .taxRatePercent((String) null)
            .taxRatePercent("")
            .build();

    assertThat(line.discountPercent()).isZero();
    assertThat(quote.taxRatePercent()).isEqualByComparingTo("16");
  }

  private static void assertField(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
