package io.github.quotemailer.oauth2.http;

import io.github.quotemailer.smtp.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} request body (RFC 6749 appendix B), fields in the
 * order added. It holds secrets in clear, so it remembers them to keep them out of messages.
 */
final class Form {
  private final StringBuilder body = new StringBuilder();
  private final List<Secret> secrets = new ArrayList<>();

  /** Adds a field that is not secret. */
  Form add(String name, String value) {
    if (body.length() > 0) {
      body.append('&');
    }
    body.append(encode(name)).append('=').append(encode(value));
    return this;
  }

  /** Adds a secret field (a token, a device code, a client secret). */
  Form addSecret(String name, Secret value) {
    secrets.add(value);
    return add(name, value.reveal());
  }

  /** Adds a secret field when there is one; a public client has no client secret. */
  Form addSecret(String name, Optional<Secret> value) {
    value.ifPresent(v -> addSecret(name, v));
    return this;
  }

  /** The encoded body, to send and nowhere else. */
  String encoded() {
    return body.toString();
  }

  /** The secrets this form carries, which no message may repeat. */
  List<Secret> secrets() {
    return List.copyOf(secrets);
  }

  @Override
  public String toString() {
    return "Form[****]";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
