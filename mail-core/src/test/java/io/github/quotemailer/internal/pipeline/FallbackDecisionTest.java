package io.github.quotemailer.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.identity.FallbackAction;
import io.github.quotemailer.identity.FallbackPolicy;
import io.github.quotemailer.identity.ResolutionReason;
import io.github.quotemailer.identity.SettingsHealth;
import io.github.quotemailer.identity.UserSmtpSettings;
import io.github.quotemailer.internal.pipeline.FallbackDecision.Ending;
import io.github.quotemailer.internal.pipeline.FallbackDecision.Sender;
import io.github.quotemailer.internal.pipeline.NextStep.Kind;
import io.github.quotemailer.outbox.RetrySettings;
import io.github.quotemailer.smtp.SmtpReplyClass;
import io.github.quotemailer.testing.MailerFixture;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One test (or one parametrized test) per row of the README's "Who sends: the fallback table". */
class FallbackDecisionTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final FallbackPolicy DEFAULTS = FallbackPolicy.defaults();
  private static final FallbackDecision DIRECT = FallbackDecision.forDirectSend(DEFAULTS);
  private static final FallbackDecision QUEUED =
      FallbackDecision.forQueue(DEFAULTS, RetrySettings.defaults());

  private static UserSmtpSettings settings(SettingsHealth health) {
    return MailerFixture.verifiedSettings("juan", MailerFixture.plain(2525), "juan-Pass-1")
        .withHealth(health);
  }

  private static NextStep ownFailure(FallbackDecision decision, SmtpReplyClass replyClass) {
    return decision.afterFailure(Sender.OWN_ACCOUNT, replyClass, Ending.REPLY, 1);
  }

  @Nested
  class WhoIsTriedFirst {
    @Test
    void enabledVerifiedSettingsSendFromTheOwnAccount() {
      assertThat(DIRECT.firstSender(Optional.of(settings(SettingsHealth.verified(T0, "250")))))
          .isEqualTo(ResolutionReason.OWN_ACCOUNT);
    }

    @Test
    void noSettingsOrDisabledOnesSendFromTheCompanyAsNotConfigured() {
      assertThat(DIRECT.firstSender(Optional.empty())).isEqualTo(ResolutionReason.NOT_CONFIGURED);
      UserSmtpSettings disabled = settings(SettingsHealth.verified(T0, "250")).withEnabled(false);
      assertThat(DIRECT.firstSender(Optional.of(disabled)))
          .isEqualTo(ResolutionReason.NOT_CONFIGURED);
    }

    @Test
    void settingsNeverVerifiedSendFromTheCompanyUnlessThePolicySaysOtherwise() {
      Optional<UserSmtpSettings> unverified = Optional.of(settings(SettingsHealth.unverified()));
      assertThat(DIRECT.firstSender(unverified)).isEqualTo(ResolutionReason.NOT_VERIFIED);

      FallbackPolicy trusting = FallbackPolicy.builder().requireVerified(false).build();
      assertThat(FallbackDecision.forDirectSend(trusting).firstSender(unverified))
          .isEqualTo(ResolutionReason.OWN_ACCOUNT);
    }

    @Test
    void settingsMarkedUnreadableAreSkippedAsSecretUnreadable() {
      assertThat(DIRECT.firstSender(Optional.of(settings(SettingsHealth.unreadable(T0, "k0")))))
          .isEqualTo(ResolutionReason.SECRET_UNREADABLE);
    }

    @Test
    void settingsRejectedEarlierAreSkippedUntilVerifiedAgain() {
      assertThat(DIRECT.firstSender(Optional.of(settings(SettingsHealth.rejected(T0, "535")))))
          .isEqualTo(ResolutionReason.OWN_ACCOUNT_REJECTED);
    }
  }

  @Nested
  class AfterTheOwnAccountFailed {
    @ParameterizedTest
    @EnumSource(
        value = SmtpReplyClass.class,
        names = {"AUTH_REJECTED", "BASIC_AUTH_DISABLED", "SENDER_NOT_OWNED"})
    void rejectedCredentialsOrSenderFallBackAtOnceAndMarkTheSettings(SmtpReplyClass replyClass) {
      for (FallbackDecision decision : new FallbackDecision[] {DIRECT, QUEUED}) {
        assertThat(ownFailure(decision, replyClass))
            .isEqualTo(
                new NextStep(
                    Kind.FALL_BACK_AND_MARK_REJECTED,
                    Optional.of(ResolutionReason.OWN_ACCOUNT_REJECTED)));
      }
    }

    @ParameterizedTest
    @EnumSource(
        value = SmtpReplyClass.class,
        names = {"UNREACHABLE", "TRANSIENT"})
    void anUnavailableServerIsRetriedThenTheCompanySends(SmtpReplyClass replyClass) {
      for (FallbackDecision decision : new FallbackDecision[] {DIRECT, QUEUED}) {
        assertThat(decision.afterFailure(Sender.OWN_ACCOUNT, replyClass, Ending.REPLY, 1))
            .isEqualTo(new NextStep(Kind.RETRY_SAME_SENDER, Optional.empty()));
        assertThat(
                decision.afterFailure(
                    Sender.OWN_ACCOUNT,
                    replyClass,
                    Ending.REPLY,
                    FallbackPolicy.DEFAULT_OWN_ACCOUNT_ATTEMPTS))
            .isEqualTo(
                new NextStep(
                    Kind.FALL_BACK, Optional.of(ResolutionReason.OWN_ACCOUNT_UNAVAILABLE)));
      }
    }

    @Test
    void aTlsFailureFallsBackAtOnce() {
      assertThat(ownFailure(DIRECT, SmtpReplyClass.TLS_FAILURE))
          .isEqualTo(
              new NextStep(Kind.FALL_BACK, Optional.of(ResolutionReason.OWN_ACCOUNT_UNAVAILABLE)));
    }

    @Test
    void aRefusedSessionFallsBackAtOnceWithoutMarkingTheSettings() {
      // The user's server refused this client (HELO name, client host), not the password.
      assertThat(SmtpReplyClass.SESSION_REJECTED.rejectsCredentials()).isFalse();
      for (FallbackDecision decision : new FallbackDecision[] {DIRECT, QUEUED}) {
        assertThat(ownFailure(decision, SmtpReplyClass.SESSION_REJECTED))
            .isEqualTo(
                new NextStep(
                    Kind.FALL_BACK, Optional.of(ResolutionReason.OWN_ACCOUNT_UNAVAILABLE)));
      }
    }

    @Test
    void aFullQuotaDefersByDefaultAndFallsBackWhenThePolicySays() {
      assertThat(ownFailure(QUEUED, SmtpReplyClass.QUOTA).kind()).isEqualTo(Kind.DEFER);
      assertThat(ownFailure(DIRECT, SmtpReplyClass.QUOTA).kind()).isEqualTo(Kind.DEFER);

      FallbackPolicy fallBack =
          FallbackPolicy.builder().on(SmtpReplyClass.QUOTA, FallbackAction.FALL_BACK).build();
      assertThat(ownFailure(FallbackDecision.forDirectSend(fallBack), SmtpReplyClass.QUOTA))
          .isEqualTo(new NextStep(Kind.FALL_BACK, Optional.of(ResolutionReason.OWN_ACCOUNT_QUOTA)));
    }

    @ParameterizedTest
    @EnumSource(
        value = SmtpReplyClass.class,
        names = {"RECIPIENT_REJECTED", "MESSAGE_REJECTED"})
    void aRejectedRecipientOrMessageFailsWithoutFallback(SmtpReplyClass replyClass) {
      assertThat(ownFailure(DIRECT, replyClass).kind()).isEqualTo(Kind.GIVE_UP);
      assertThat(ownFailure(QUEUED, replyClass).kind()).isEqualTo(Kind.GIVE_UP);
    }
  }

  @Nested
  class WhenTheCompanyAccountFailsToo {
    @Test
    void aDirectSendRetriesATransientFailureWithinThePolicysTriesThenReportsIt() {
      assertThat(DIRECT.afterFailure(Sender.COMPANY, SmtpReplyClass.TRANSIENT, Ending.REPLY, 1))
          .isEqualTo(NextStep.of(Kind.RETRY_SAME_SENDER));
      assertThat(DIRECT.afterFailure(Sender.COMPANY, SmtpReplyClass.TRANSIENT, Ending.REPLY, 2))
          .isEqualTo(NextStep.of(Kind.GIVE_UP));
    }

    @Test
    void aDirectSendReportsAFailingCompanyLoginAtOnce() {
      assertThat(DIRECT.afterFailure(Sender.COMPANY, SmtpReplyClass.AUTH_REJECTED, Ending.REPLY, 1))
          .isEqualTo(NextStep.of(Kind.GIVE_UP));
    }

    @Test
    void aQueuedEmailWaitsOutAFailingCompanyLoginUntilItsAttemptsRunOut() {
      int max = RetrySettings.DEFAULT_MAX_ATTEMPTS;
      assertThat(
              QUEUED.afterFailure(
                  Sender.COMPANY, SmtpReplyClass.AUTH_REJECTED, Ending.REPLY, max - 1))
          .isEqualTo(NextStep.of(Kind.RETRY_SAME_SENDER));
      assertThat(
              QUEUED.afterFailure(Sender.COMPANY, SmtpReplyClass.AUTH_REJECTED, Ending.REPLY, max))
          .isEqualTo(NextStep.of(Kind.GIVE_UP));
    }

    @Test
    void aRefusedSessionIsReportedAtOnceWhenDirectAndWaitedOutWhenQueued() {
      int max = RetrySettings.DEFAULT_MAX_ATTEMPTS;
      assertThat(SmtpReplyClass.SESSION_REJECTED.isPermanent()).isTrue();
      assertThat(
              DIRECT.afterFailure(Sender.COMPANY, SmtpReplyClass.SESSION_REJECTED, Ending.REPLY, 1))
          .isEqualTo(NextStep.of(Kind.GIVE_UP));
      assertThat(
              QUEUED.afterFailure(
                  Sender.COMPANY, SmtpReplyClass.SESSION_REJECTED, Ending.REPLY, max - 1))
          .isEqualTo(NextStep.of(Kind.RETRY_SAME_SENDER));
      assertThat(
              QUEUED.afterFailure(
                  Sender.COMPANY, SmtpReplyClass.SESSION_REJECTED, Ending.REPLY, max))
          .isEqualTo(NextStep.of(Kind.GIVE_UP));
    }

    @Test
    void aRejectedRecipientIsGivenUpAtOnceEvenWhenQueued() {
      assertThat(
              QUEUED.afterFailure(
                  Sender.COMPANY, SmtpReplyClass.RECIPIENT_REJECTED, Ending.REPLY, 1))
          .isEqualTo(NextStep.of(Kind.GIVE_UP));
    }

    @Test
    void theCompanyAccountNeverFallsBackFurther() {
      for (SmtpReplyClass replyClass : SmtpReplyClass.values()) {
        assertThat(QUEUED.afterFailure(Sender.COMPANY, replyClass, Ending.REPLY, 1).fallsBack())
            .as("company failure %s", replyClass)
            .isFalse();
      }
    }
  }

  @Nested
  class WhenTheSenderMayNotSendNow {
    private FallbackDecision policyFor(FallbackAction onQuota) {
      return FallbackDecision.forQueue(
          FallbackPolicy.builder().on(SmtpReplyClass.QUOTA, onQuota).build(),
          RetrySettings.defaults());
    }

    @Test
    void anOwnAccountOverItsLimitOrPausedWaitsByDefault() {
      assertThat(DIRECT.whenRefused(Sender.OWN_ACCOUNT)).isEqualTo(NextStep.of(Kind.DEFER));
      assertThat(QUEUED.whenRefused(Sender.OWN_ACCOUNT)).isEqualTo(NextStep.of(Kind.DEFER));
    }

    @ParameterizedTest
    @EnumSource(
        value = FallbackAction.class,
        names = {"FALL_BACK", "FALL_BACK_AND_MARK_REJECTED", "RETRY_THEN_FALL_BACK"})
    void aPolicyThatFallsBackOnAFullQuotaSendsFromTheCompanyWithoutMarkingTheSettings(
        FallbackAction onQuota) {
      NextStep fallBack =
          new NextStep(Kind.FALL_BACK, Optional.of(ResolutionReason.OWN_ACCOUNT_QUOTA));

      assertThat(policyFor(onQuota).whenRefused(Sender.OWN_ACCOUNT)).isEqualTo(fallBack);
      assertThat(ownFailure(policyFor(onQuota), SmtpReplyClass.QUOTA))
          .as("the provider's own quota reply never marks the credentials either")
          .isEqualTo(fallBack);
    }

    @Test
    void aPolicyThatWouldGiveUpOnAFullQuotaStillOnlyWaits() {
      assertThat(policyFor(FallbackAction.FAIL).whenRefused(Sender.OWN_ACCOUNT))
          .isEqualTo(NextStep.of(Kind.DEFER));
      assertThat(ownFailure(policyFor(FallbackAction.FAIL), SmtpReplyClass.QUOTA))
          .isEqualTo(NextStep.of(Kind.DEFER));
    }

    @Test
    void theCompanyAccountOverItsLimitOrOutOfQuotaWaitsWhateverThePolicy() {
      FallbackDecision fallingBack = policyFor(FallbackAction.FALL_BACK);
      for (FallbackDecision decision : new FallbackDecision[] {DIRECT, QUEUED, fallingBack}) {
        assertThat(decision.whenRefused(Sender.COMPANY)).isEqualTo(NextStep.of(Kind.DEFER));
        assertThat(decision.afterFailure(Sender.COMPANY, SmtpReplyClass.QUOTA, Ending.REPLY, 1))
            .isEqualTo(NextStep.of(Kind.DEFER));
      }
    }
  }

  @Test
  void aConnectionLostAfterDataWithoutAReplyIsNeverResentBlindly() {
    for (Sender sender : Sender.values()) {
      assertThat(
              QUEUED.afterFailure(sender, SmtpReplyClass.TRANSIENT, Ending.NO_REPLY_AFTER_DATA, 1))
          .isEqualTo(NextStep.of(Kind.OUTCOME_UNKNOWN));
      assertThat(
              DIRECT.afterFailure(sender, SmtpReplyClass.TRANSIENT, Ending.NO_REPLY_AFTER_DATA, 1))
          .isEqualTo(NextStep.of(Kind.OUTCOME_UNKNOWN));
    }
  }

  @Test
  void queuedRetriesRememberOnlyAFallbackCausedByTheOwnAccount() {
    assertThat(FallbackDecision.retriesRemember(ResolutionReason.OWN_ACCOUNT)).isFalse();
    assertThat(FallbackDecision.retriesRemember(ResolutionReason.NOT_CONFIGURED)).isFalse();
    assertThat(FallbackDecision.retriesRemember(ResolutionReason.NOT_VERIFIED)).isFalse();
    assertThat(FallbackDecision.retriesRemember(ResolutionReason.OWN_ACCOUNT_REJECTED)).isTrue();
    assertThat(FallbackDecision.retriesRemember(ResolutionReason.OWN_ACCOUNT_UNAVAILABLE)).isTrue();
    assertThat(FallbackDecision.retriesRemember(ResolutionReason.OWN_ACCOUNT_QUOTA)).isTrue();
    assertThat(FallbackDecision.retriesRemember(ResolutionReason.SECRET_UNREADABLE)).isTrue();
  }
}
