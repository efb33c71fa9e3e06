package dev.gregor.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How the client authenticates with SASL (ruby-kafka "Authentication using SASL"): PLAIN,
 * SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER with your token provider, or GSSAPI (Kerberos).
 * Set with {@code Config.builder().sasl(Sasl.scramSha512("alice", password))}. Passwords and
 * tokens never appear in {@code toString()}, exceptions or logs.
 */
public final class Sasl {
  /** The SASL mechanisms Gregor configures. */
  public enum Mechanism {
    /** User name and password in the clear: use over TLS. */
    PLAIN("PLAIN"),
    /** Salted challenge-response with SHA-256. */
    SCRAM_SHA_256("SCRAM-SHA-256"),
    /** Salted challenge-response with SHA-512. */
    SCRAM_SHA_512("SCRAM-SHA-512"),
    /** OAuth 2 bearer tokens, refreshed before they expire. */
    OAUTHBEARER("OAUTHBEARER"),
    /** Kerberos. */
    GSSAPI("GSSAPI");

    private final String kafkaName;

    Mechanism(String kafkaName) {
      this.kafkaName = kafkaName;
    }

    /** The name in kafka-clients' {@code sasl.mechanism}. */
    public String kafkaName() {
      return kafkaName;
    }
  }

  private final Mechanism mechanism;
  private final @Nullable String username;
  private final @Nullable String password;
  private final @Nullable Supplier<OAuthToken> tokenProvider;
  private final @Nullable Path keytab;
  private final @Nullable String serviceName;

  private Sasl(Mechanism mechanism, @Nullable String username, @Nullable String password,
      @Nullable Supplier<OAuthToken> tokenProvider, @Nullable Path keytab, @Nullable String serviceName) {
    this.mechanism = mechanism;
    this.username = username;
    this.password = password;
    this.tokenProvider = tokenProvider;
    this.keytab = keytab;
    this.serviceName = serviceName;
  }

  /** SASL/PLAIN: user name and password, sent as they are, so use it over TLS. */
  public static Sasl plain(String username, String password) {
    return new Sasl(Mechanism.PLAIN, required("username", username), required("password", password), null, null, null);
  }

  /** SCRAM-SHA-256 (ruby-kafka {@code sasl_scram_mechanism: 'sha256'}). */
  public static Sasl scramSha256(String username, String password) {
    return new Sasl(Mechanism.SCRAM_SHA_256, required("username", username), required("password", password), null, null, null);
  }

  /** SCRAM-SHA-512. */
  public static Sasl scramSha512(String username, String password) {
    return new Sasl(Mechanism.SCRAM_SHA_512, required("username", username), required("password", password), null, null, null);
  }

  /**
   * OAUTHBEARER with tokens from {@code tokenProvider}, called at login and again before each
   * token expires (at about 80 % of its lifetime); a provider that throws fails the connection
   * with its message.
   */
  public static Sasl oauthBearer(Supplier<OAuthToken> tokenProvider) {
    return new Sasl(Mechanism.OAUTHBEARER, null, null, Objects.requireNonNull(tokenProvider, "tokenProvider"), null, null);
  }

  /** GSSAPI (Kerberos) as {@code principal} with its keys from {@code keytab}; the brokers' service name is {@code kafka}. */
  public static Sasl gssapi(String principal, Path keytab) {
    Objects.requireNonNull(keytab, "keytab");
    if (!Files.isReadable(keytab)) {
      throw new IllegalArgumentException("sasl gssapi keytab " + keytab + " does not exist or cannot be read");
    }
    return new Sasl(Mechanism.GSSAPI, required("principal", principal), null, null, keytab, "kafka");
  }

  /** The Kerberos service name of the brokers (their principal's first part), for GSSAPI only. */
  public Sasl serviceName(String serviceName) {
    if (mechanism != Mechanism.GSSAPI) {
      throw new IllegalStateException("serviceName applies to GSSAPI only, not " + mechanism.kafkaName());
    }
    return new Sasl(mechanism, username, password, tokenProvider, keytab, required("serviceName", serviceName));
  }

  /** The SASL mechanism. */
  public Mechanism mechanism() {
    return mechanism;
  }

  /** The user name, or for GSSAPI the principal; null for OAUTHBEARER. */
  public @Nullable String username() {
    return username;
  }

  /** The password for PLAIN and SCRAM. */
  public @Nullable String password() {
    return password;
  }

  /** Where OAUTHBEARER tokens come from; null for other mechanisms. */
  public @Nullable Supplier<OAuthToken> tokenProvider() {
    return tokenProvider;
  }

  /** The GSSAPI keytab; null for other mechanisms. */
  public @Nullable Path keytab() {
    return keytab;
  }

  /** The Kerberos service name of the brokers (their principal's first part), for GSSAPI only. */
  public @Nullable String serviceName() {
    return serviceName;
  }

  @Override
  public String toString() {
    return "Sasl{" + mechanism.kafkaName() + (username == null ? "" : ", " + username) + "}";
  }

  private static String required(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("sasl " + name + " must not be empty");
    }
    return value;
  }
}
