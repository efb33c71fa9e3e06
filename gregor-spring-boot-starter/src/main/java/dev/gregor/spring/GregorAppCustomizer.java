package dev.gregor.spring;

import dev.gregor.framework.App;

/**
 * Changes the app's builder after the {@code gregor.*} properties were applied and before it is built: a monitor,
 * a topic mapper, SASL or TLS, configurators — whatever the properties do not cover.
 */
@FunctionalInterface
public interface GregorAppCustomizer {
  /** Changes {@code app}; its settings are checked when it is built, after every customizer ran. */
  void customize(App.Builder app);
}
