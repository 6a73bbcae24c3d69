package io.github.quotemailer.examples.demo;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions: a random id in an {@code HttpOnly}, {@code SameSite=Strict} cookie, and per
 * session a CSRF token that every form and script sends back. The id changes at sign-in, so a
 * session id planted before it is worthless after.
 */
final class Sessions {
  static final String COOKIE = "qm_demo_session";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Duration IDLE = Duration.ofHours(8);
  private static final int MAX_SESSIONS = 10_000;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** One browser's session. */
  static final class Session {
    final String id;
    final String csrf;
    volatile String userId;
    volatile String lang;
    volatile Flash flash;
    volatile Instant lastSeen = Instant.now();

    Session(String id, String csrf, String lang) {
      this.id = id;
      this.csrf = csrf;
      this.lang = lang;
    }

    /** The one-shot message for the next page, removed as it is read. */
    Flash takeFlash() {
      Flash f = flash;
      flash = null;
      return f;
    }
  }

  /** A message shown once on the next page: a text key, its kind, and an optional server reply. */
  record Flash(String kind, String text, String detail) {}

  /** The request's live session, if its cookie names one. */
  Optional<Session> find(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id == null) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    if (s.lastSeen.plus(IDLE).isBefore(now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    s.lastSeen = now;
    return Optional.of(s);
  }

  /** A new anonymous session (for the sign-in form's CSRF token). */
  Session create(Context ctx, String lang) {
    if (sessions.size() >= MAX_SESSIONS) {
      Instant cutoff = Instant.now().minus(IDLE);
      sessions.values().removeIf(s -> s.lastSeen.isBefore(cutoff) || s.userId == null);
    }
    Session s = new Session(token(), token(), lang);
    sessions.put(s.id, s);
    setCookie(ctx, s.id);
    return s;
  }

  /** Signs {@code userId} in under a new session id, keeping the language. */
  Session signIn(Context ctx, Session old, String userId) {
    sessions.remove(old.id);
    Session s = create(ctx, old.lang);
    s.userId = userId;
    return s;
  }

  void signOut(Context ctx, Session s) {
    sessions.remove(s.id);
    ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
  }

  /** Whether the request carries the session's CSRF token, compared in constant time. */
  static boolean csrfMatches(Context ctx, Session s) {
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null) {
      sent = ctx.formParam(CSRF_FIELD);
    }
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), s.csrf.getBytes(StandardCharsets.UTF_8));
  }

  private static void setCookie(Context ctx, String id) {
    // Not Secure: the demo serves plain HTTP on loopback. Behind TLS a host adds "; Secure".
    ctx.res().addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict");
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
