package io.github.quotemailer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.smtp.SendingLimit;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order in which an identity's sending limit is found (README, "Sending limits"). */
class SendingLimitsTest {
  private static final SendingLimit OWN = SendingLimit.of(5, Duration.ofDays(1));
  private static final SendingLimit HOST = SendingLimit.of(100, Duration.ofHours(1));
  private static final SendingLimit COMPANY = SendingLimit.of(500, Duration.ofDays(1));
  private static final SendingLimit GODADDY_PRESET = SendingLimit.of(250, Duration.ofDays(1));

  private final SendingLimits configured =
      new SendingLimits(Map.of("smtpout.secureserver.net", HOST), Optional.of(COMPANY), true);
  private final SendingLimits presetsOnly = new SendingLimits(Map.of(), Optional.empty(), true);

  @Test
  void anOwnAccountsSettingsWinOverItsHostsDefaultAndPreset() {
    assertThat(configured.forOwnAccount(Optional.of(OWN), "smtpout.secureserver.net"))
        .contains(OWN);
  }

  @Test
  void withoutItsOwnAnAccountHasItsHostsDefaultComparedWithoutCase() {
    assertThat(configured.forOwnAccount(Optional.empty(), "SMTPOUT.SecureServer.net"))
        .contains(HOST);
  }

  @Test
  void withoutAHostDefaultTheProvidersPresetApplies() {
    assertThat(presetsOnly.forOwnAccount(Optional.empty(), "smtpout.secureserver.net"))
        .contains(GODADDY_PRESET);
    assertThat(presetsOnly.forOwnAccount(Optional.empty(), "smtp.office365.com"))
        .contains(SendingLimit.of(30, Duration.ofMinutes(1)));
    assertThat(presetsOnly.forCompany("smtp.gmail.com"))
        .contains(SendingLimit.of(2000, Duration.ofHours(24)));
  }

  @Test
  void anUnknownHostWithoutADefaultHasNoLimit() {
    assertThat(presetsOnly.forOwnAccount(Optional.empty(), "mail.inair.example")).isEmpty();
    assertThat(presetsOnly.forCompany("mail.inair.example")).isEmpty();
  }

  @Test
  void presetsSwitchedOffLeaveOnlyWhatWasConfigured() {
    SendingLimits off = new SendingLimits(Map.of(), Optional.empty(), false);

    assertThat(off.forOwnAccount(Optional.empty(), "smtpout.secureserver.net")).isEmpty();
    assertThat(off.forOwnAccount(Optional.of(OWN), "smtpout.secureserver.net")).contains(OWN);
  }

  @Test
  void theCompanyAccountHasItsOwnLimitElseItsHostsDefaultElseThePreset() {
    assertThat(configured.forCompany("smtpout.secureserver.net")).contains(COMPANY);
    SendingLimits noCompanyLimit =
        new SendingLimits(Map.of("smtpout.secureserver.net", HOST), Optional.empty(), true);
    assertThat(noCompanyLimit.forCompany("smtpout.secureserver.net")).contains(HOST);
    assertThat(presetsOnly.forCompany("smtpout.secureserver.net")).contains(GODADDY_PRESET);
  }
}
