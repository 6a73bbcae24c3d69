package io.github.quotemailer.oauth2;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.smtp.SmtpServer;
import io.github.quotemailer.smtp.TransportSecurity;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity providers QuoteMailer has presets for: where their token endpoints are, which scope
 * allows SMTP, and their submission server. {@link #CUSTOM} has none; every value is given.
 */
public enum OAuth2Provider {
  /**
   * Microsoft 365 (Entra ID): token endpoint {@code
   * https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}, scope {@code
   * https://outlook.office.com/SMTP.Send offline_access}, server {@code smtp.office365.com:587}
   * with STARTTLS.
   */
  MICROSOFT(
      "https://login.microsoftonline.com/%s/oauth2/v2.0/token",
      "https://login.microsoftonline.com/%s/oauth2/v2.0/devicecode",
      "https://outlook.office.com/SMTP.Send offline_access",
      "smtp.office365.com",
      587,
      TransportSecurity.STARTTLS_REQUIRED),
  /**
   * Google Workspace and Gmail: token endpoint {@code https://oauth2.googleapis.com/token}, scope
   * {@code https://mail.google.com/}, server {@code smtp.gmail.com:465} with implicit TLS.
   */
  GOOGLE(
      "https://oauth2.googleapis.com/token",
      "https://oauth2.googleapis.com/device/code",
      "https://mail.google.com/",
      "smtp.gmail.com",
      465,
      TransportSecurity.IMPLICIT_TLS),
  /** Any other provider: token endpoint, scope and server are given explicitly. */
  CUSTOM(null, null, null, null, 0, null);

  /** The tenant used when none is given: any work or school account ({@code organizations}). */
  public static final String DEFAULT_MICROSOFT_TENANT = "organizations";

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9.-]{1,100}");

  private final String tokenEndpoint;
  private final String deviceEndpoint;
  private final String scope;
  private final String smtpHost;
  private final int smtpPort;
  private final TransportSecurity security;

  OAuth2Provider(
      String tokenEndpoint,
      String deviceEndpoint,
      String scope,
      String smtpHost,
      int smtpPort,
      TransportSecurity security) {
    this.tokenEndpoint = tokenEndpoint;
    this.deviceEndpoint = deviceEndpoint;
    this.scope = scope;
    this.smtpHost = smtpHost;
    this.smtpPort = smtpPort;
    this.security = security;
  }

  /**
   * The preset token endpoint; {@code tenant} (a tenant id or domain, or {@code organizations}) is
   * used by {@link #MICROSOFT} only and may be null there for {@value #DEFAULT_MICROSOFT_TENANT}.
   *
   * @throws InvalidInputException for {@link #CUSTOM}, or a malformed tenant
   */
  public URI tokenEndpoint(String tenant) {
    return URI.create(preset(tokenEndpoint, "tokenEndpoint").formatted(tenantOrDefault(tenant)));
  }

  /**
   * The preset device authorization endpoint (RFC 8628), for getting a first refresh token.
   *
   * @throws InvalidInputException for {@link #CUSTOM}, or a malformed tenant
   */
  public URI deviceAuthorizationEndpoint(String tenant) {
    return URI.create(preset(deviceEndpoint, "deviceEndpoint").formatted(tenantOrDefault(tenant)));
  }

  /** The preset scope that allows sending over SMTP; empty for {@link #CUSTOM}. */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /** The provider's SMTP submission server with default timeouts; empty for {@link #CUSTOM}. */
  public Optional<SmtpServer> smtpServer() {
    return smtpHost == null
        ? Optional.empty()
        : Optional.of(SmtpServer.of(smtpHost, smtpPort, security));
  }

  /**
   * The provider whose name is {@code name}, ignoring case ({@code microsoft}, {@code google},
   * {@code custom}).
   */
  public static OAuth2Provider parse(String field, String name) {
    for (OAuth2Provider provider : values()) {
      if (provider.name().equalsIgnoreCase(Arguments.text(field, name, 20))) {
        return provider;
      }
    }
    throw new InvalidInputException(field, "'" + name + "' is not microsoft, google or custom");
  }

  private String preset(String value, String what) {
    if (value == null) {
      throw new InvalidInputException(
          what, "the custom provider has no preset; give it explicitly");
    }
    return value;
  }

  private String tenantOrDefault(String tenant) {
    if (this != MICROSOFT || tenant == null || tenant.isBlank()) {
      return DEFAULT_MICROSOFT_TENANT;
    }
    if (!TENANT.matcher(tenant).matches()) {
      throw new InvalidInputException("tenant", "'" + tenant + "' is not a tenant id or domain");
    }
    return tenant;
  }
}
