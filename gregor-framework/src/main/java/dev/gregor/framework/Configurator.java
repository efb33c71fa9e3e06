package dev.gregor.framework;

/**
 * Setup work run after the settings are checked (seed: "Configurators"), such as handing the app's
 * logger to another library. Given explicitly to {@link App.Builder#configurator}, or listed in
 * {@code META-INF/services/dev.gregor.framework.Configurator}; explicit ones run first, in order.
 */
@FunctionalInterface
public interface Configurator {
  /** Does the setup; a throw stops the app from being built. */
  void setup(Settings settings) throws Exception;

  /** Where a discovered configurator runs among the discovered ones: lower first, then by class name. */
  default int order() {
    return 0;
  }
}
