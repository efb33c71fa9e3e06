package dev.gregor.framework.internal;

import dev.gregor.framework.Configurator;
import dev.gregor.framework.InvalidSetup;
import dev.gregor.framework.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Runs configurators in their defined order: the explicit ones as given, then the discovered ones by order and name. */
public final class Configurators {
  private Configurators() {}

  public static void run(List<Configurator> explicit, Settings settings) {
    List<Configurator> discovered = new ArrayList<>();
    ServiceLoader.load(Configurator.class).forEach(discovered::add);
    discovered.sort(Comparator.comparingInt(Configurator::order).thenComparing(c -> c.getClass().getName()));
    List<Configurator> all = new ArrayList<>(explicit);
    all.addAll(discovered);
    for (Configurator configurator : all) {
      try {
        configurator.setup(settings);
      } catch (Exception e) {
        throw new InvalidSetup(List.of("configurator " + configurator.getClass().getName() + " failed: " + e));
      }
    }
  }
}
