package dev.gregor.spring;

import dev.gregor.client.Config;

/** Changes the {@code Gregor} client bean's config after the {@code gregor.*} properties were applied: TLS, SASL, timeouts. */
@FunctionalInterface
public interface GregorConfigCustomizer {
  /** Changes {@code config}; it is checked when built, after every customizer ran. */
  void customize(Config.Builder config);
}
