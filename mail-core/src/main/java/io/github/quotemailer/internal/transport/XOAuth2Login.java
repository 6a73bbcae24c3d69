package io.github.quotemailer.internal.transport;

import io.github.quotemailer.internal.SmtpFailure;
import io.github.quotemailer.internal.SmtpReplyClassifier;
import io.github.quotemailer.internal.SmtpReplyClassifier.Stage;
import io.github.quotemailer.internal.oauth.AccessToken;
import io.github.quotemailer.internal.oauth.AccessTokens;
import io.github.quotemailer.internal.oauth.TokenOwner;
import io.github.quotemailer.smtp.OAuth2Grant;
import io.github.quotemailer.smtp.SmtpAccount;
import io.github.quotemailer.smtp.SmtpReply;
import io.github.quotemailer.smtp.SmtpReplyClass;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * AUTH XOAUTH2 on a connected, not yet authenticated transport. Angus Mail's own XOAUTH2 support is
 * not used: it is off by default, sends the token only as an initial response (a long Microsoft
 * token can exceed the 512-octet command line), and on a {@code 334} challenge reports only "OAUTH2
 * asked for more", losing the server's reason. Here a short response goes inline (as Google
 * documents it), a long one after an empty {@code 334} (as Microsoft documents it), and a challenge
 * is decoded (Google sends a base64 JSON status), answered with an empty line as the mechanism
 * requires, and kept with the final reply.
 */
final class XOAuth2Login {
  /** RFC 5321's command line limit, CRLF included. */
  static final int MAX_COMMAND_LINE = 512;

  private XOAuth2Login() {}

  /**
   * Logs {@code account} in with a token from {@code tokens}; a cached token the server refuses is
   * refreshed once and tried again, since it may only have been revoked early.
   */
  static void login(
      DataAwareTransport transport,
      SmtpAccount account,
      OAuth2Grant grant,
      Optional<TokenOwner> owner,
      AccessTokens tokens)
      throws MessagingException, SmtpFailure {
    AccessToken token = tokens.accessToken(account, grant, owner, null);
    SmtpReply refused = authenticate(transport, account.username(), token);
    if (refused == null) {
      return;
    }
    if (!token.fresh() && refused.replyClass() == SmtpReplyClass.AUTH_REJECTED) {
      token = tokens.accessToken(account, grant, owner, token.value());
      refused = authenticate(transport, account.username(), token);
      if (refused == null) {
        return;
      }
    }
    throw new SmtpFailure(refused, null);
  }

  /** One XOAUTH2 exchange; null when the server accepted it, else its classified refusal. */
  private static SmtpReply authenticate(
      DataAwareTransport transport, String username, AccessToken token) throws MessagingException {
    String response = initialResponse(username, token.value().reveal());
    int code;
    if ("AUTH XOAUTH2 ".length() + response.length() + 2 <= MAX_COMMAND_LINE) {
      code = transport.simpleCommand("AUTH XOAUTH2 " + response);
    } else {
      code = transport.simpleCommand("AUTH XOAUTH2");
      if (code == 334) {
        code = transport.simpleCommand(response);
      }
    }
    if (code == 235) {
      return null;
    }
    if (code != 334) {
      return SmtpReplyClassifier.classify(code, transport.getLastServerResponse(), Stage.AUTH);
    }
    String challenge = decodeChallenge(transport.getLastServerResponse());
    // The mechanism ends a challenge with an empty response; the server then sends its verdict.
    int finalCode = transport.simpleCommand("");
    if (finalCode == 235) {
      return null;
    }
    String verdict = transport.getLastServerResponse();
    return SmtpReplyClassifier.classify(
        finalCode, verdict + " (XOAUTH2 challenge: " + challenge + ")", Stage.AUTH);
  }

  static String initialResponse(String username, String accessToken) {
    String sasl = "user=" + username + "\u0001auth=Bearer " + accessToken + "\u0001\u0001";
    return Base64.getEncoder().encodeToString(sasl.getBytes(StandardCharsets.UTF_8));
  }

  /** The text of a {@code 334} challenge, base64-decoded where it is base64. */
  static String decodeChallenge(String reply) {
    String payload = reply == null ? "" : reply.strip();
    if (payload.startsWith("334")) {
      payload = payload.substring(3).strip();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
      return decoded.replaceAll("[\\r\\n\\x00]+", " ").strip();
    } catch (IllegalArgumentException e) {
      return payload;
    }
  }
}
