package io.github.quotemailer.oauth2.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.oauth2.TokenException.Kind;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an answer without tokens into a {@link TokenException}. The kind comes from the status and
 * the {@code error} field only, never from the description, which providers word and translate
 * freely; the description goes into the message for the person who reads it.
 */
final class TokenErrors {
  /** Longest part of {@code error_description} kept in a message. */
  static final int MAX_DESCRIPTION = 300;

  /** Most {@code error_codes} (Microsoft) kept in a message. */
  private static final int MAX_CODES = 5;

  private static final Pattern AADSTS_CODE = Pattern.compile("AADSTS\\d{4,6}");

  private TokenErrors() {}

  /** The failure {@code reply} stands for; called when it does not carry tokens. */
  static TokenException failureOf(Reply reply) {
    Optional<String> error = reply.error();
    // An overloaded or failing server says nothing about the grant, whatever its body says.
    if (reply.status() >= 500 || reply.status() == 429) {
      String said = error.map(e -> describe(reply, e) + " ").orElse("");
      return new TokenException(
          Kind.UNAVAILABLE,
          error.orElse(""),
          said + "(" + reply.where() + " answered HTTP " + reply.status() + ")");
    }
    if (error.isEmpty()) {
      return new TokenException(
          Kind.UNAVAILABLE,
          "",
          reply.where()
              + " answered HTTP "
              + reply.status()
              + " without an OAuth2 error; check the endpoint's URL");
    }
    return new TokenException(kindOf(error.get()), error.get(), describe(reply, error.get()));
  }

  /** What an {@code error} code (RFC 6749 section 5.2) means for the account. */
  static Kind kindOf(String error) {
    return switch (error) {
      // The grant itself is gone: revoked, expired, consent withdrawn, blocked by policy.
      case "invalid_grant" -> Kind.REVOKED;
      // The provider's own trouble: asking again later may work.
      case "temporarily_unavailable", "server_error" -> Kind.UNAVAILABLE;
      // invalid_client, unauthorized_client, invalid_scope, unsupported_grant_type,
      // invalid_request and codes not registered: the app's registration needs fixing.
      default -> Kind.CLIENT_REJECTED;
    };
  }

  /**
   * {@code "<error>: <description's first line>"}, with Microsoft's {@code error_codes} appended as
   * {@code [codes: 70008]} and never a secret the request carried.
   */
  static String describe(Reply reply, String error) {
    String description = reply.text("error_description").map(TokenErrors::shortened).orElse("");
    String message = description.isEmpty() ? error : error + ": " + description;
    return ServerText.redact(message + codes(reply), reply.secrets());
  }

  /** The description's first line, keeping AADSTS codes that only later lines held. */
  private static String shortened(String description) {
    String line = ServerText.firstLine(description, MAX_DESCRIPTION);
    Set<String> lost = new LinkedHashSet<>();
    Matcher codes = AADSTS_CODE.matcher(description);
    while (codes.find() && lost.size() < MAX_CODES) {
      if (!line.contains(codes.group())) {
        lost.add(codes.group());
      }
    }
    return lost.isEmpty() ? line : line + " (" + String.join(", ", lost) + ")";
  }

  private static String codes(Reply reply) {
    JsonNode codes = reply.json().map(j -> j.get("error_codes")).orElse(null);
    if (codes == null || !codes.isArray() || codes.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner(", ", " [codes: ", "]").setEmptyValue("");
    for (int i = 0; i < Math.min(codes.size(), MAX_CODES); i++) {
      if (codes.get(i).isIntegralNumber()) {
        joined.add(codes.get(i).asText());
      }
    }
    return joined.toString();
  }
}
