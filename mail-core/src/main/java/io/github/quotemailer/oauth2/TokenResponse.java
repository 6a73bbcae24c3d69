package io.github.quotemailer.oauth2;

import io.github.quotemailer.Arguments;
import io.github.quotemailer.InvalidInputException;
import io.github.quotemailer.smtp.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * What a token endpoint returned for a refresh-token grant.
 *
 * @param accessToken the access token to log in with
 * @param expiresIn how long it is valid from when it was issued
 * @param refreshToken the new refresh token, when the provider rotated it (Microsoft does on every
 *     use): it replaces the stored one at once
 */
public record TokenResponse(Secret accessToken, Duration expiresIn, Optional<Secret> refreshToken) {
  /** Validates; the lifetime must be positive. */
  public TokenResponse {
    Arguments.present("accessToken", accessToken);
    Arguments.present("expiresIn", expiresIn);
    if (expiresIn.isNegative() || expiresIn.isZero()) {
      throw new InvalidInputException("expiresIn", "must be positive");
    }
    refreshToken = refreshToken == null ? Optional.empty() : refreshToken;
  }

  @Override
  public String toString() {
    return "TokenResponse[expiresIn=" + expiresIn + ", rotated=" + refreshToken.isPresent() + "]";
  }
}
