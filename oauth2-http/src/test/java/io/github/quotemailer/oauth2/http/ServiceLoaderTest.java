package io.github.quotemailer.oauth2.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.quotemailer.oauth2.TokenProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The mailer finds this module's provider on the class path without any wiring. */
class ServiceLoaderTest {
  @Test
  void findsTheHttpTokenProvider() {
    assertThat(ServiceLoader.load(TokenProvider.class).findFirst())
        .get()
        .isInstanceOf(HttpTokenProvider.class);
  }
}
