package dev.gregor.client.internal.security;

import dev.gregor.client.OAuthToken;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.auth.SaslExtensions;
import org.apache.kafka.common.security.auth.SaslExtensionsCallback;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

/**
 * kafka-clients' OAUTHBEARER login callback, answered by the user's token provider. kafka-clients
 * calls it at login and again before the token expires (its refresh thread), so a provider is
 * asked for a fresh token well before the old one runs out.
 */
public final class OAuthTokenLogin implements AuthenticateCallbackHandler {
  static final String PROVIDER_OPTION = "gregorTokenProvider";
  /** kafka-clients replaces a callback handler's exception by a generic message; this keeps the provider's own. */
  private static final Map<Supplier<OAuthToken>, Throwable> FAILURES = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private Supplier<OAuthToken> provider;
  private volatile OAuthToken last;

  @Override
  public void configure(Map<String, ?> configs, String mechanism, List<AppConfigurationEntry> jaasConfigEntries) {
    Object id = jaasConfigEntries.get(0).getOptions().get(PROVIDER_OPTION);
    provider = TokenProviders.get(id == null ? null : id.toString());
  }

  @Override
  public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
    for (Callback callback : callbacks) {
      if (callback instanceof OAuthBearerTokenCallback tokenCallback) {
        OAuthToken token = fresh();
        last = token;
        tokenCallback.token(bearer(token));
      } else if (callback instanceof SaslExtensionsCallback extensionsCallback) {
        OAuthToken token = last != null ? last : fresh();
        extensionsCallback.extensions(new SaslExtensions(token.extensions()));
      } else {
        throw new UnsupportedCallbackException(callback);
      }
    }
  }

  private OAuthToken fresh() throws IOException {
    OAuthToken token;
    try {
      token = provider.get();
    } catch (RuntimeException e) {
      FAILURES.put(provider, e);
      throw new IOException("the OAUTHBEARER token provider failed: " + e, e);
    }
    if (token == null) {
      throw new IOException("the OAUTHBEARER token provider returned no token");
    }
    if (!token.expiresAt().isAfter(java.time.Instant.now())) {
      throw new IOException("the OAUTHBEARER token provider returned a token that expired at " + token.expiresAt());
    }
    return token;
  }

  private static OAuthBearerToken bearer(OAuthToken token) {
    long now = System.currentTimeMillis();
    return new OAuthBearerToken() {
      @Override
      public String value() {
        return token.value();
      }

      @Override
      public Set<String> scope() {
        return Set.of();
      }

      @Override
      public long lifetimeMs() {
        return token.expiresAt().toEpochMilli();
      }

      @Override
      public String principalName() {
        return token.principal();
      }

      @Override
      public Long startTimeMs() {
        return now;
      }

      @Override
      public String toString() {
        return token.toString();
      }
    };
  }

  /** The last exception {@code provider} threw at a login, or null. */
  public static Throwable lastFailure(Supplier<OAuthToken> provider) {
    return FAILURES.get(provider);
  }

  @Override
  public void close() {}
}
