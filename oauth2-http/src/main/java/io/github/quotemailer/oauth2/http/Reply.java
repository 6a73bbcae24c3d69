package io.github.quotemailer.oauth2.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.smtp.Secret;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an endpoint answered: its status and, when the body was a JSON object, the object. A body
 * that is not JSON is kept as absent; what that means depends on the status.
 *
 * @param endpoint the URI asked
 * @param status the HTTP status
 * @param json the body as a JSON object, if it was one
 * @param secrets the secrets the request carried, kept out of every message
 */
record Reply(URI endpoint, int status, Optional<JsonNode> json, List<Secret> secrets) {
  /** Longest {@code error} code kept; the registered ones are under 30 characters. */
  private static final int MAX_ERROR_LENGTH = 100;

  // Immutable once built. A token response is one flat object, so ten levels are generous, and
  // a repeated key makes the answer ambiguous rather than last-one-wins.
  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(10).build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .build();

  /** Reads {@code body}; anything but a JSON object leaves {@link #json()} empty. */
  static Reply of(URI endpoint, int status, byte[] body, List<Secret> secrets) {
    Optional<JsonNode> json;
    try {
      json = Optional.ofNullable(MAPPER.readTree(body)).filter(JsonNode::isObject);
    } catch (IOException e) { // Jackson's parse errors included
      json = Optional.empty();
    }
    return new Reply(endpoint, status, json, secrets);
  }

  /** A 2xx answer without an {@code error} field: it should hold what was asked for. */
  boolean carriesTokens() {
    return status / 100 == 2 && error().isEmpty();
  }

  /** The {@code error} field (RFC 6749 section 5.2), cleaned, when there is one. */
  Optional<String> error() {
    return text("error").map(e -> ServerText.firstLine(e, MAX_ERROR_LENGTH));
  }

  /** A text field exactly as sent, when present and not blank. */
  Optional<String> text(String field) {
    return json.map(j -> j.get(field))
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .filter(t -> !t.isBlank());
  }

  /**
   * A whole number of seconds sent as a JSON number or a numeric string (some providers quote it).
   *
   * @throws TokenException when the field is there but is no whole, positive number
   */
  OptionalLong seconds(String field) {
    JsonNode node = json.map(j -> j.get(field)).orElse(null);
    if (node == null || node.isNull()) {
      return OptionalLong.empty();
    }
    long value;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      value = node.asLong();
    } else if (node.isTextual() && node.asText().strip().matches("[0-9]{1,12}")) {
      value = Long.parseLong(node.asText().strip());
    } else {
      throw unusable("its " + field + " is not a whole number of seconds");
    }
    if (value <= 0) {
      throw unusable("its " + field + " is not positive");
    }
    return OptionalLong.of(value);
  }

  /** The endpoint's host (and port, when given), safe to show: never user info or a query. */
  String where() {
    return where(endpoint);
  }

  /** {@code endpoint}'s host (and port, when given). */
  static String where(URI endpoint) {
    return endpoint.getPort() < 0
        ? endpoint.getHost()
        : endpoint.getHost() + ":" + endpoint.getPort();
  }

  /** A success answer QuoteMailer cannot use; treated like no answer, so it is retried. */
  TokenException unusable(String problem) {
    return new TokenException(
        TokenException.Kind.UNAVAILABLE,
        "",
        where() + " answered HTTP " + status + " but " + problem);
  }

  /** Endpoint, status and {@code error} only: the body may hold tokens. */
  @Override
  public String toString() {
    String error = json.map(j -> j.path("error").asText("")).orElse("");
    return "Reply[" + endpoint.getHost() + ", status=" + status + ", error=" + error + "]";
  }
}
