package dev.gregor.client.internal.security;

import dev.gregor.client.OAuthToken;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Hands users' token providers to {@link OAuthTokenLogin}, which kafka-clients instantiates by
 * class name. Each provider gets its own id in the JAAS config, which also keeps kafka-clients'
 * login cache (keyed by JAAS config) from sharing one provider's login with another's.
 */
final class TokenProviders {
  private static final Map<Supplier<OAuthToken>, String> IDS = new WeakHashMap<>();
  private static final Map<String, WeakReference<Supplier<OAuthToken>>> PROVIDERS = new ConcurrentHashMap<>();

  private TokenProviders() {}

  static synchronized String idOf(Supplier<OAuthToken> provider) {
    return IDS.computeIfAbsent(provider, p -> {
      String id = UUID.randomUUID().toString();
      PROVIDERS.put(id, new WeakReference<>(p));
      PROVIDERS.values().removeIf(ref -> ref.get() == null);
      return id;
    });
  }

  static Supplier<OAuthToken> get(String id) {
    WeakReference<Supplier<OAuthToken>> ref = id == null ? null : PROVIDERS.get(id);
    Supplier<OAuthToken> provider = ref == null ? null : ref.get();
    if (provider == null) {
      throw new IllegalStateException("no OAUTHBEARER token provider is registered under '" + id + "'");
    }
    return provider;
  }
}
