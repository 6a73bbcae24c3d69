package io.github.quotemailer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event (message, arguments and stack traces) of a test, at every level, so the
 * test can prove no secret was written to a log.
 */
public final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final List<String> secrets;

  /** Captures the logs; a test checks them itself. */
  public CapturedLogs() {
    this.secrets = List.of();
  }

  private CapturedLogs(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * Captures the logs and, after each test, fails it when they show one of {@code secrets} or the
   * company password (see {@link #assertNeverShows}).
   */
  public static CapturedLogs neverShowing(String... secrets) {
    return new CapturedLogs(List.of(secrets));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(ch.qos.logback.classic.Level.TRACE);
    appender.list.clear();
    appender.start();
    root.addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(appender);
    if (!secrets.isEmpty()) {
      assertNeverShows(secrets.toArray(String[]::new));
    }
  }

  /** Every captured line, formatted, with stack traces appended. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      StringBuilder line = new StringBuilder(event.getFormattedMessage());
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        line.append('\n').append(ThrowableProxyUtil.asString(thrown));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * Fails the test when any captured line, argument or stack trace shows one of {@code secrets} or
   * the company account's password.
   */
  public void assertNeverShows(String... secrets) {
    String text = text();
    for (String secret : secrets) {
      assertThat(text).as("the logs show a secret").doesNotContain(secret);
    }
    assertThat(text)
        .as("the logs show the company password")
        .doesNotContain(MailerFixture.COMPANY_PASSWORD);
  }

  /** All captured text in one string. */
  public String text() {
    return String.join("\n", lines());
  }
}
