package dev.gregor.web.internal.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Browser sessions, kept in memory: every visitor gets one (with its CSRF token) before logging in, and a login
 * replaces it with a new id so that an id known before the login is worth nothing after it.
 */
public final class Sessions {
  private static final Duration IDLE = Duration.ofHours(8);
  private static final int MAX_SESSIONS = 10_000;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final String cookieName;

  /**
   * Sessions whose cookie is named after the dashboard's port: browsers share cookies across a host's ports, so
   * two dashboards on one host would otherwise log each other out.
   */
  public Sessions(Clock clock, int port) {
    this.clock = clock;
    this.cookieName = "gregor_session_" + port;
  }

  /** The name of the cookie holding the session id. */
  public String cookieName() {
    return cookieName;
  }

  /** One browser's session. */
  public record Session(String id, String csrfToken, @Nullable String user, Instant lastSeen) {}

  /** The live session with {@code id}, touched; null when unknown or expired. */
  public @Nullable Session find(@Nullable String id) {
    if (id == null) {
      return null;
    }
    Session session = sessions.get(id);
    if (session == null) {
      return null;
    }
    Instant now = clock.instant();
    if (session.lastSeen().plus(IDLE).isBefore(now)) {
      sessions.remove(id);
      return null;
    }
    Session touched = new Session(session.id(), session.csrfToken(), session.user(), now);
    sessions.put(id, touched);
    return touched;
  }

  /** A new session, logged in as {@code user} or anonymous (null). */
  public Session open(@Nullable String user) {
    if (sessions.size() >= MAX_SESSIONS) {
      Instant cutoff = clock.instant().minus(IDLE);
      sessions.values().removeIf(session -> session.lastSeen().isBefore(cutoff));
      if (sessions.size() >= MAX_SESSIONS) {
        sessions.values().removeIf(session -> session.user() == null); // anonymous ones go first
      }
    }
    Session session = new Session(token(), token(), user, clock.instant());
    sessions.put(session.id(), session);
    return session;
  }

  /** Ends a session (logout, or the anonymous one a login replaces). */
  public void close(String id) {
    sessions.remove(id);
  }

  /** The Set-Cookie header value for {@code session}: not readable by scripts, never sent by other sites. */
  public String cookie(Session session) {
    return cookieName + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict";
  }

  private String token() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
