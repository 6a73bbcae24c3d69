package io.github.quotemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.internal.SmtpReplyClassifier;
import io.github.quotemailer.internal.SmtpReplyClassifier.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpReplyClassifierTest {
  @ParameterizedTest(name = "{0} at {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "535 5.7.8 Authentication credentials invalid | AUTH | AUTH_REJECTED",
        "535 Incorrect authentication data | AUTH | AUTH_REJECTED",
        "550 5.7.30 Basic authentication is not supported for Client Submission | AUTH | BASIC_AUTH_DISABLED",
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled | AUTH | BASIC_AUTH_DISABLED",
        "553 5.7.1 <juan@inair.example>: Sender address rejected: not owned by user | MAIL_FROM | SENDER_NOT_OWNED",
        "550 5.7.1 Client does not have permissions to send as this sender | DATA | SENDER_NOT_OWNED",
        "550 5.7.60 SMTP; Client does not have permissions to send as this sender | DATA | SENDER_NOT_OWNED",
        "554 5.2.252 SendAsDenied; juan@inair.example not allowed to send as ventas@inair.example | DATA | SENDER_NOT_OWNED",
        "553 5.7.1 <juan@inair.example>: Sender address rejected: not owned by user juan | RCPT_TO | SENDER_NOT_OWNED",
        "550 5.7.1 Message rejected as spam by Content Filtering | DATA | MESSAGE_REJECTED",
        "554 5.7.1 Service unavailable; Client host [192.0.2.4] blocked using Spamhaus | CONNECT | UNREACHABLE",
        "550 5.7.1 Relaying denied | RCPT_TO | SESSION_REJECTED",
        "451 Temporary local problem | MAIL_FROM | TRANSIENT",
        "553 Sorry, that domain isn't in my list of allowed rcpthosts | MAIL_FROM | SENDER_NOT_OWNED",
        "550 5.1.1 <nadie@hsjn.example>: Recipient address rejected: User unknown | RCPT_TO | RECIPIENT_REJECTED",
        "550 No such user here | RCPT_TO | RECIPIENT_REJECTED",
        "550 5.1.1 The email account that you tried to reach does not exist | DATA | RECIPIENT_REJECTED",
        "552 5.2.2 Mailbox full, quota exceeded | RCPT_TO | RECIPIENT_REJECTED",
        "550 5.4.5 Daily user sending quota exceeded | DATA | QUOTA",
        "554 5.7.0 Sending limit exceeded for this account | MAIL_FROM | QUOTA",
        "421 4.7.0 Try again later, closing connection | CONNECT | TRANSIENT",
        "451 4.3.0 Temporary local problem | DATA | TRANSIENT",
        "454 4.7.0 Temporary authentication failure | AUTH | TRANSIENT",
        "452 4.2.2 Mailbox full | RCPT_TO | TRANSIENT",
        "554 5.6.0 Message rejected: content | DATA | MESSAGE_REJECTED",
        "552 5.3.4 Message size exceeds fixed limit | DATA | MESSAGE_REJECTED",
        "250 2.0.0 OK queued | DATA | ACCEPTED"
      })
  void classifiesByEnhancedStatusThenCodeAndStage(
      String reply, Stage stage, SmtpReplyClass expected) {
    SmtpReply classified = SmtpReplyClassifier.classify(0, reply, stage);
    assertThat(classified.replyClass()).isEqualTo(expected);
    assertThat(classified.code()).isEqualTo(Integer.parseInt(reply.substring(0, 3)));
  }

  /** Replies a real Postfix gives, with its default delayed rejection, and where it gives them. */
  @ParameterizedTest(name = "{0} at {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname | RCPT_TO | SESSION_REJECTED",
        "554 5.7.1 <unknown[127.0.0.1]>: Client host rejected: Access denied | RCPT_TO | SESSION_REJECTED",
        "554 5.7.1 <compras@hsjn.example>: Relay access denied | RCPT_TO | SESSION_REJECTED",
        "550 5.7.0 Policy rejection: not allowed from this network | RCPT_TO | SESSION_REJECTED",
        "501 5.5.4 Syntax error in parameters | RCPT_TO | SESSION_REJECTED",
        "552 5.3.4 Message size exceeds fixed limit | RCPT_TO | SESSION_REJECTED",
        "550 5.4.1 Recipient address rejected: Access denied | RCPT_TO | SESSION_REJECTED",
        "553 5.7.1 <juan@inair.example>: Sender address rejected: not owned by user juan@inair.example | RCPT_TO | SENDER_NOT_OWNED",
        "550 5.1.1 <nadie@hsjn.example>: Recipient address rejected: User unknown in virtual mailbox table | RCPT_TO | RECIPIENT_REJECTED",
        "550 5.2.1 <compras@hsjn.example>: Mailbox disabled, not accepting messages | RCPT_TO | RECIPIENT_REJECTED",
        "552 5.2.2 <compras@hsjn.example>: Mailbox full | RCPT_TO | RECIPIENT_REJECTED",
        "552 5.2.3 Message length exceeds administrative limit for this mailbox | RCPT_TO | RECIPIENT_REJECTED",
        "550 <compras@hsjn.example>: Recipient address rejected: User unknown | RCPT_TO | RECIPIENT_REJECTED",
        "450 4.7.1 <localhost>: Helo command rejected: Host not found | RCPT_TO | TRANSIENT",
        "450 4.7.1 Client host rejected: cannot find your hostname | RCPT_TO | TRANSIENT"
      })
  void aRefusalAtRcptIsAboutTheRecipientOnlyWhenItsCodeSaysSo(
      String reply, Stage stage, SmtpReplyClass expected) {
    assertThat(SmtpReplyClassifier.classify(0, reply, stage).replyClass()).isEqualTo(expected);
  }

  /** A refused HELO name or client host is about the session wherever the server says so. */
  @ParameterizedTest(name = "{0} at {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname | HELO | SESSION_REJECTED",
        "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname | MAIL_FROM | SESSION_REJECTED",
        "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname | DATA | SESSION_REJECTED",
        "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname | CONNECT | SESSION_REJECTED",
        "550 5.7.1 <localhost>: Helo command rejected: Invalid name | MAIL_FROM | SESSION_REJECTED",
        "554 5.7.1 <unknown[127.0.0.1]>: Client host rejected: Access denied | MAIL_FROM | SESSION_REJECTED",
        "554 5.7.1 <unknown[127.0.0.1]>: Client host rejected: Access denied | DATA | SESSION_REJECTED",
        "501 Syntax: EHLO hostname | HELO | SESSION_REJECTED",
        "550 Access denied | HELO | SESSION_REJECTED",
        "554 5.7.1 <unknown[192.0.2.4]>: Client host rejected: Access denied | CONNECT | UNREACHABLE",
        "554 5.7.1 Service unavailable; Client host [192.0.2.4] blocked using Spamhaus | CONNECT | UNREACHABLE",
        "554 No SMTP service here | CONNECT | UNREACHABLE",
        "421 4.7.0 Service not available, closing transmission channel | HELO | TRANSIENT"
      })
  void aRefusedHeloNameOrClientHostIsARefusedSession(
      String reply, Stage stage, SmtpReplyClass expected) {
    assertThat(SmtpReplyClassifier.classify(0, reply, stage).replyClass()).isEqualTo(expected);
  }

  /** Microsoft's tenant switch for SMTP AUTH, whatever its basic code, before 535's rule. */
  @ParameterizedTest(name = "{0} at {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant | AUTH | BASIC_AUTH_DISABLED",
        "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy | AUTH | BASIC_AUTH_DISABLED",
        "535 5.7.3 Authentication unsuccessful | AUTH | AUTH_REJECTED",
        "535 5.7.8 Username and Password not accepted | AUTH | AUTH_REJECTED"
      })
  void basicAuthSwitchedOffForTheTenantIsNotAWrongPassword(
      String reply, Stage stage, SmtpReplyClass expected) {
    SmtpReply classified = SmtpReplyClassifier.classify(0, reply, stage);
    assertThat(classified.replyClass()).isEqualTo(expected);
    assertThat(classified.replyClass().rejectsCredentials()).isTrue();
  }

  /** Provider quota and rate-limit replies, at whichever command the server sends them. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception",
        "550 5.7.233 Your message can't be sent because your tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)",
        "550 5.7.232 Your message can't be sent because your trial tenant has exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)",
        "550 5.4.5 Daily user sending quota exceeded",
        "421 4.7.0 Try again later, closing connection. (EHLO) rate limit exceeded",
        "451 4.7.500 Server busy. Please try again later; message rate limit reached",
        "550 Daily sending quota exceeded for this account"
      })
  void providerQuotaRepliesAreQuotaAtEveryCommand(String reply) {
    for (Stage stage : Stage.values()) {
      assertThat(SmtpReplyClassifier.classify(0, reply, stage).replyClass())
          .as("at %s", stage)
          .isEqualTo(SmtpReplyClass.QUOTA);
    }
  }

  /** A full or small mailbox is the recipient's, even when the text speaks of a quota or limit. */
  @ParameterizedTest(name = "{0} at {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded | DATA | RECIPIENT_REJECTED",
        "452 4.2.2 The email account that you tried to reach is over quota | RCPT_TO | TRANSIENT",
        "451 4.3.0 Temporary local problem, try again | DATA | TRANSIENT",
        "421 4.7.0 Try again later, closing connection | MAIL_FROM | TRANSIENT",
        "552 5.3.4 Message size exceeds fixed limit | DATA | MESSAGE_REJECTED",
        "552 5.3.4 Message size limit exceeded | DATA | MESSAGE_REJECTED",
        "552 Mailbox quota exceeded | RCPT_TO | RECIPIENT_REJECTED",
        "550 Recipient mailbox over quota | RCPT_TO | RECIPIENT_REJECTED",
        "552 Quota exceeded | RCPT_TO | RECIPIENT_REJECTED",
        "421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel | MAIL_FROM | TRANSIENT"
      })
  void aFullMailboxOrAnyOtherLimitIsNotTheSendersQuota(
      String reply, Stage stage, SmtpReplyClass expected) {
    assertThat(SmtpReplyClassifier.classify(0, reply, stage).replyClass()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"535 5.7.8 bad, 5.7.8", "550 5.7.30 off, 5.7.30", "421 busy, ''"})
  void extractsTheEnhancedStatusCode(String reply, String enhanced) {
    assertThat(SmtpReplyClassifier.classify(0, reply, Stage.OTHER).enhancedStatus().orElse(""))
        .isEqualTo(enhanced == null ? "" : enhanced);
  }
}
