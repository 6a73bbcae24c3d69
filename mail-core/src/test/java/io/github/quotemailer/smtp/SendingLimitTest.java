package io.github.quotemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.quotemailer.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The COUNT/WINDOW form of a sending limit and the providers' presets. */
class SendingLimitTest {
  @ParameterizedTest
  @CsvSource({
    "5/24h, 5, PT24H, 5/24h",
    "30/1m, 30, PT1M, 30/1m",
    "2000/1d, 2000, PT24H, 2000/24h",
    "10/30s, 10, PT30S, 10/30s",
    "250/2d, 250, PT48H, 250/2d",
    "' 7 / 90m ', 7, PT1H30M, 7/90m"
  })
  void parsesTheFormAndWritesItBack(String text, int count, Duration window, String written) {
    SendingLimit limit = SendingLimit.parse("--limit", text);

    assertThat(limit).isEqualTo(SendingLimit.of(count, window));
    assertThat(limit.toString()).isEqualTo(written);
    assertThat(SendingLimit.parse("--limit", limit.toString())).isEqualTo(limit);
  }

  @ParameterizedTest
  @CsvSource({
    "lots, '--limit: ''lots'' is not COUNT/WINDOW, e.g. 250/24h or 30/1m'",
    "5/24, '--limit: ''5/24'' is not COUNT/WINDOW, e.g. 250/24h or 30/1m'",
    "0/1h, '--limit: 0 is outside 1-1000000'",
    "5/32d, '--limit: window PT768H is outside 1 s - 31 days'"
  })
  void aBadLimitIsRefusedNamingTheCallersFieldOnce(String text, String message) {
    assertThatThrownBy(() -> SendingLimit.parse("--limit", text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("--limit"));
  }

  @Test
  void knowsThePublishedLimitsOfThreeProvidersByHostWithoutCase() {
    assertThat(SendingLimit.presetFor("smtp.office365.com"))
        .contains(SendingLimit.of(30, Duration.ofMinutes(1)));
    assertThat(SendingLimit.presetFor("SMTP.Gmail.com"))
        .contains(SendingLimit.of(2000, Duration.ofHours(24)));
    assertThat(SendingLimit.presetFor("smtpout.secureserver.net"))
        .contains(SendingLimit.of(250, Duration.ofHours(24)));
    assertThat(SendingLimit.presetFor("mail.inair.example")).isEmpty();
  }
}
