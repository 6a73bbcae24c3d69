package io.github.quotemailer.oauth2;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import java.net.URI;
import java.util.Locale;

/**
 * An app registered with an identity provider, as far as it is not secret: where its tokens come
 * from, its client id, and the scope it asks for. The client secret, when the app has one, and the
 * refresh token travel in {@link io.github.quotemailer.smtp.OAuth2Grant}.
 *
 * @param provider the provider (presets), or {@link OAuth2Provider#CUSTOM}
 * @param tokenEndpoint the token endpoint; {@code https}, or {@code http} on a loopback host only
 * @param clientId the application (client) id
 * @param scope the space-separated scopes asked for
 */
public record OAuth2Client(
    OAuth2Provider provider, URI tokenEndpoint, String clientId, String scope) {
  /** Longest accepted token endpoint, client id and scope. */
  public static final int MAX_LENGTH = 500;

  /** Validates every part. */
  public OAuth2Client {
    Arguments.present("oauth2.provider", provider);
    tokenEndpoint = checkEndpoint("oauth2.tokenEndpoint", tokenEndpoint);
    clientId = Arguments.text("oauth2.clientId", clientId, MAX_LENGTH);
    scope = Arguments.text("oauth2.scope", scope, MAX_LENGTH);
  }

  /** Microsoft 365 in {@code tenant} (null: {@code organizations}) with the preset scope. */
  public static OAuth2Client microsoft(String tenant, String clientId) {
    OAuth2Provider p = OAuth2Provider.MICROSOFT;
    return new OAuth2Client(p, p.tokenEndpoint(tenant), clientId, p.scope().orElseThrow());
  }

  /** Google with the preset token endpoint and scope. */
  public static OAuth2Client google(String clientId) {
    OAuth2Provider p = OAuth2Provider.GOOGLE;
    return new OAuth2Client(p, p.tokenEndpoint(null), clientId, p.scope().orElseThrow());
  }

  /** Any other provider. */
  public static OAuth2Client custom(URI tokenEndpoint, String clientId, String scope) {
    return new OAuth2Client(OAuth2Provider.CUSTOM, tokenEndpoint, clientId, scope);
  }

  /** A copy asking its tokens from {@code endpoint} (a private identity provider, or a test). */
  public OAuth2Client withTokenEndpoint(URI endpoint) {
    return new OAuth2Client(provider, endpoint, clientId, scope);
  }

  /** A copy asking for {@code scope}. */
  public OAuth2Client withScope(String scope) {
    return new OAuth2Client(provider, tokenEndpoint, clientId, scope);
  }

  /**
   * Checks that {@code endpoint} is an absolute {@code https} URI, or {@code http} on a loopback
   * host (a local identity provider in tests): tokens must not cross a network in clear.
   */
  public static URI checkEndpoint(String field, URI endpoint) {
    Arguments.present(field, endpoint);
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    String host = endpoint.getHost();
    if (host == null || endpoint.toString().length() > MAX_LENGTH) {
      throw new InvalidInputException(field, "'" + endpoint + "' is not an absolute URL");
    }
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw new InvalidInputException(field, "must be https (http only on a loopback host)");
    }
    return endpoint;
  }
}
