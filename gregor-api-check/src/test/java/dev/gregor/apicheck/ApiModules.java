package dev.gregor.apicheck;

import java.nio.file.Path;
import java.util.List;

/** Gregor's modules with a public Java package, each named by one type of that package. */
final class ApiModules {
  private ApiModules() {}

  /** A module directory and a type of its public package. */
  record ApiModule(String name, Class<?> anchor, boolean dumped) {
    String packageName() {
      return anchor.getPackageName();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * The CLI's package is checked for leaks but has no dump: its promise to users is the command
   * line, not its Java classes.
   */
  static List<ApiModule> all() {
    return List.of(
        new ApiModule("gregor-embedded", dev.gregor.embedded.EmbeddedKafka.class, true),
        new ApiModule("gregor-client", dev.gregor.client.Gregor.class, true),
        new ApiModule("gregor-jackson", dev.gregor.jackson.JsonSerializer.class, true),
        new ApiModule("gregor-framework", dev.gregor.framework.App.class, true),
        new ApiModule("gregor-framework-testkit", dev.gregor.framework.testkit.AppTestKit.class, true),
        new ApiModule("gregor-framework-jdbc", dev.gregor.framework.jdbc.JdbcOffsetStore.class, true),
        new ApiModule("gregor-metrics", dev.gregor.metrics.GregorMetrics.class, true),
        new ApiModule("gregor-chaos", dev.gregor.chaos.History.class, true),
        new ApiModule("gregor-web", dev.gregor.web.Dashboard.class, true),
        new ApiModule("gregor-spring-boot-starter", dev.gregor.spring.GregorAutoConfiguration.class, true),
        new ApiModule("gregor-cli", dev.gregor.cli.Main.class, false));
  }

  /** The checkout's root directory, which the build passes in. */
  static Path root() {
    return Path.of(System.getProperty("gregor.root", "..")).toAbsolutePath().normalize();
  }
}
