package dev.gregor.client;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One OAUTHBEARER token from your provider: its value, when it expires, and optional SASL
 * extensions sent with it (ruby-kafka's token provider with {@code extensions}). The value never
 * appears in {@code toString()}.
 */
public final class OAuthToken {
  private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]*)\"");

  private final String value;
  private final Instant expiresAt;
  private final String principal;
  private final Map<String, String> extensions;

  private OAuthToken(String value, Instant expiresAt, String principal, Map<String, String> extensions) {
    this.value = value;
    this.expiresAt = expiresAt;
    this.principal = principal;
    this.extensions = extensions;
  }

  /** A token valid until {@code expiresAt}; its principal is the JWT's {@code sub} claim when it has one. */
  public static OAuthToken of(String value, Instant expiresAt) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("OAuth token value must not be blank");
    }
    return new OAuthToken(value, Objects.requireNonNull(expiresAt, "expiresAt"), subject(value), Map.of());
  }

  /** This token with SASL extensions, such as {@code traceId}, sent to the broker at login. */
  public OAuthToken withExtensions(Map<String, String> extensions) {
    return new OAuthToken(value, expiresAt, principal, Map.copyOf(extensions));
  }

  /** This token with the principal name the client reports; by default the JWT's subject. */
  public OAuthToken withPrincipal(String principal) {
    return new OAuthToken(value, expiresAt, Objects.requireNonNull(principal, "principal"), extensions);
  }

  /** The token as sent to the broker. */
  public String value() {
    return value;
  }

  /** When the token expires; it is refreshed before. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The principal the token stands for. */
  public String principal() {
    return principal;
  }

  /** SASL extensions sent with the token. */
  public Map<String, String> extensions() {
    return extensions;
  }

  @Override
  public String toString() {
    return "OAuthToken{principal=" + principal + ", expiresAt=" + expiresAt + ", extensions=" + extensions.keySet() + "}";
  }

  private static String subject(String value) {
    String[] parts = value.split("\\.");
    if (parts.length >= 2) {
      try {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        Matcher m = SUBJECT.matcher(claims);
        if (m.find()) {
          return m.group(1);
        }
      } catch (IllegalArgumentException notBase64) {
        // an opaque token: no subject to read
      }
    }
    return "unknown";
  }
}
