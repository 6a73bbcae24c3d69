package io.github.quotemailer.oauth2.http;

import static io.github.quotemailer.oauth2.http.Grants.CLIENT_ID;
import static io.github.quotemailer.oauth2.http.Grants.CLIENT_SECRET;
import static io.github.quotemailer.oauth2.http.Grants.tokens;
import static io.github.quotemailer.oauth2.http.LoopbackTokenEndpoint.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import io.github.quotemailer.oauth2.OAuth2Client;
import io.github.quotemailer.oauth2.TokenException;
import io.github.quotemailer.oauth2.TokenException.Kind;
import io.github.quotemailer.smtp.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The device authorization grant against a scripted provider; the sleeper only records the waits
 * and moves the clock, so a fifteen-minute code expires in milliseconds.
 */
class DeviceCodeFlowTest {
  static final String DEVICE_CODE = "DAQABAAEAAAD--DLA3VO7QrddgJg7WevrQvJ-device-code";

  static final String MICROSOFT_START =
      "{\"user_code\":\"FJ7KQ2LMX\",\"device_code\":\""
          + DEVICE_CODE
          + "\",\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,"
          + "\"interval\":5,\"message\":\"To sign in, use a web browser to open the page"
          + " https://microsoft.com/devicelogin and enter the code FJ7KQ2LMX to authenticate.\"}";

  static final String GOOGLE_START =
      "{\"device_code\":\"4/4-GMMhmHCXhWEzkobqIHGG_EnNYYsAkukHspeYUk9E8\",\"user_code\":"
          + "\"GQVQ-JKEC\",\"verification_url\":\"https://www.google.com/device\",\"expires_in\":"
          + "\"1800\"}";

  static final String PENDING = "{\"error\":\"authorization_pending\"}";

  @RegisterExtension final LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint();

  private final SteppingClock clock = new SteppingClock();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final DeviceCodeFlow flow =
      DeviceCodeFlow.builder()
          .httpClient(HttpClient.newHttpClient())
          .requestTimeout(Duration.ofSeconds(5))
          .clock(clock)
          .sleeper(
              duration -> {
                waits.add(duration);
                clock.advance(duration);
              })
          .build();

  @Test
  void startsWithTheClientIdAndScopeAndReadsMicrosoftsAnswer() {
    endpoint.answer(json(200, MICROSOFT_START));

    DeviceAuthorization auth = start(Optional.empty());

    assertThat(endpoint.onlyRequest().path()).isEqualTo(LoopbackTokenEndpoint.DEVICE_PATH);
    assertThat(endpoint.onlyRequest().form())
        .containsExactly(
            entry("client_id", CLIENT_ID),
            entry("scope", "https://outlook.office.com/SMTP.Send offline_access"));
    assertThat(auth.userCode()).isEqualTo("FJ7KQ2LMX");
    assertThat(auth.verificationUri()).isEqualTo(URI.create("https://microsoft.com/devicelogin"));
    assertThat(auth.deviceCode()).isEqualTo(Secret.of(DEVICE_CODE));
    assertThat(auth.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(auth.expiresAt()).isEqualTo(clock.instant().plusSeconds(900));
    assertThat(auth.instructions()).startsWith("To sign in, use a web browser");
    assertThat(auth.toString()).doesNotContain(DEVICE_CODE);
  }

  @Test
  void readsGooglesVerificationUrlAndTheDefaultInterval() {
    endpoint.answer(json(200, GOOGLE_START));

    DeviceAuthorization auth = start(Optional.of(CLIENT_SECRET));

    assertThat(endpoint.onlyRequest().form())
        .containsEntry("client_secret", CLIENT_SECRET.reveal());
    assertThat(auth.verificationUri()).isEqualTo(URI.create("https://www.google.com/device"));
    assertThat(auth.interval()).isEqualTo(DeviceCodeFlow.DEFAULT_INTERVAL);
    assertThat(auth.expiresIn()).isEqualTo(Duration.ofMinutes(30));
    assertThat(auth.message()).isEmpty();
    assertThat(auth.instructions())
        .isEqualTo("Open https://www.google.com/device and enter the code GQVQ-JKEC");
  }

  @Test
  void tellsGoogleUsersTheGmailScopeNeedsAnotherWay() {
    endpoint.answer(json(400, "{\"error\":\"invalid_scope\"}"));
    OAuth2Client google = OAuth2Client.google(CLIENT_ID).withTokenEndpoint(endpoint.tokenUri());

    TokenException e =
        fails(() -> flow.start(google, endpoint.deviceUri(), Optional.of(CLIENT_SECRET)));

    assertThat(e.kind()).isEqualTo(Kind.CLIENT_REJECTED);
    assertThat(e)
        .hasMessageStartingWith("invalid_scope; Google's device flow does not allow the Gmail")
        .hasMessageContaining("--refresh-token-stdin");
  }

  @Test
  void keepsPollingWhileTheSignInIsPendingThenReturnsTheRefreshToken() {
    DeviceAuthorization auth = startedMicrosoft();
    endpoint.answer(
        json(400, PENDING),
        json(400, PENDING),
        json(200, tokens("\"expires_in\":3599,\"refresh_token\":\"0.AXoA first refresh\"")));

    Secret refreshToken = flow.awaitRefreshToken(auth, Optional.empty());

    assertThat(refreshToken).isEqualTo(Secret.of("0.AXoA first refresh"));
    assertThat(waits).containsExactly(seconds(5), seconds(5), seconds(5));
    List<LoopbackTokenEndpoint.Request> polls = polls();
    assertThat(polls).hasSize(3);
    assertThat(polls.get(0).path()).isEqualTo(LoopbackTokenEndpoint.TOKEN_PATH);
    assertThat(polls.get(0).form())
        .containsExactly(
            entry("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            entry("device_code", DEVICE_CODE),
            entry("client_id", CLIENT_ID));
  }

  @Test
  void waitsFiveSecondsLongerAfterEachSlowDown() {
    DeviceAuthorization auth = startedMicrosoft();
    endpoint.answer(
        json(400, PENDING),
        json(400, "{\"error\":\"slow_down\"}"),
        json(400, PENDING),
        json(400, "{\"error\":\"slow_down\"}"),
        json(200, tokens("\"refresh_token\":\"0.AXoA first refresh\"")));

    flow.awaitRefreshToken(auth, Optional.empty());

    assertThat(waits)
        .containsExactly(seconds(5), seconds(5), seconds(10), seconds(10), seconds(15));
  }

  @Test
  void aDeclinedSignInEndsTheWait() {
    DeviceAuthorization auth = startedMicrosoft();
    endpoint.answer(json(400, PENDING), json(400, "{\"error\":\"access_denied\"}"));

    TokenException e = fails(() -> flow.awaitRefreshToken(auth, Optional.empty()));

    assertThat(e.kind()).isEqualTo(Kind.REVOKED);
    assertThat(e.error()).isEqualTo("access_denied");
    assertThat(e).hasMessageStartingWith("access_denied: the sign-in was declined");
  }

  @Test
  void microsoftsDeclinedSignInEndsTheWaitAsRevokedToo() {
    DeviceAuthorization auth = startedMicrosoft();
    endpoint.answer(json(400, "{\"error\":\"authorization_declined\"}"));

    TokenException e = fails(() -> flow.awaitRefreshToken(auth, Optional.empty()));

    assertThat(e.kind()).isEqualTo(Kind.REVOKED);
    assertThat(e).hasMessageStartingWith("authorization_declined: the sign-in was declined");
  }

  @Test
  void anExpiredCodeEndsTheWait() {
    DeviceAuthorization auth = startedMicrosoft();
    endpoint.answer(json(400, "{\"error\":\"expired_token\"}"));

    TokenException e = fails(() -> flow.awaitRefreshToken(auth, Optional.empty()));

    assertThat(e.kind()).isEqualTo(Kind.REVOKED);
    assertThat(e).hasMessageStartingWith("expired_token: the code expired");
  }

  @Test
  void stopsPollingWhenTheCodesTimeRunsOut() {
    endpoint.answer(json(200, MICROSOFT_START.replace("\"expires_in\":900", "\"expires_in\":12")));
    DeviceAuthorization auth = start(Optional.empty());
    endpoint.answer(json(400, PENDING), json(400, PENDING), json(400, PENDING));

    TokenException e = fails(() -> flow.awaitRefreshToken(auth, Optional.empty()));

    assertThat(e.kind()).isEqualTo(Kind.REVOKED);
    assertThat(e.error()).isEqualTo("expired_token");
    assertThat(polls()).hasSize(2);
  }

  @Test
  void aSignInWithoutARefreshTokenAsksForOfflineAccess() {
    DeviceAuthorization auth = startedMicrosoft();
    endpoint.answer(json(200, tokens("\"expires_in\":3599")));

    TokenException e = fails(() -> flow.awaitRefreshToken(auth, Optional.empty()));

    assertThat(e.kind()).isEqualTo(Kind.CLIENT_REJECTED);
    assertThat(e).hasMessageContaining("no refresh token").hasMessageContaining("offline_access");
  }

  @Test
  void anInterruptedWaitIsUnavailableAndKeepsTheInterrupt() {
    DeviceAuthorization auth = startedMicrosoft();
    DeviceCodeFlow interrupted =
        DeviceCodeFlow.builder()
            .clock(clock)
            .sleeper(
                duration -> {
                  throw new InterruptedException();
                })
            .build();

    TokenException e = fails(() -> interrupted.awaitRefreshToken(auth, Optional.empty()));

    assertThat(Thread.interrupted()).isTrue();
    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(polls()).isEmpty();
  }

  private DeviceAuthorization startedMicrosoft() {
    endpoint.answer(json(200, MICROSOFT_START));
    return start(Optional.empty());
  }

  private DeviceAuthorization start(Optional<Secret> clientSecret) {
    OAuth2Client microsoft = Grants.microsoft(endpoint.tokenUri());
    return flow.start(microsoft, endpoint.deviceUri(), clientSecret);
  }

  private List<LoopbackTokenEndpoint.Request> polls() {
    return endpoint.requests().stream()
        .filter(r -> r.path().equals(LoopbackTokenEndpoint.TOKEN_PATH))
        .toList();
  }

  private static TokenException fails(Runnable call) {
    TokenException e = catchThrowableOfType(TokenException.class, call::run);
    assertThat(e).as("the call fails").isNotNull();
    assertThat(e.getMessage()).doesNotContain(DEVICE_CODE).doesNotContain(CLIENT_SECRET.reveal());
    return e;
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  /** A clock that moves only when told. */
  static final class SteppingClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-05T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
