package dev.gregor.cli;

import dev.gregor.cli.internal.AppBoot;
import dev.gregor.cli.internal.BootFile;
import dev.gregor.cli.internal.RouteDescription;
import dev.gregor.framework.App;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of the app commands: which app class to boot (--app, else $GREGOR_BOOT, else the
 * gregor-boot.properties of the project in the working directory), and where its classes are.
 */
final class AppOptions {
  static final String BOOT_VARIABLE = "GREGOR_BOOT";

  @Option(names = "--app", paramLabel = "CLASS", order = 90,
      description = "The app class: a Supplier<App> or a class with public static app() returning App or "
          + "App.Builder. Default: $GREGOR_BOOT, else the app of ./gregor-boot.properties.")
  String app;

  @Option(names = {"--classpath", "--cp"}, paramLabel = "PATH[:PATH...]", order = 91,
      description = "Where the app's classes are, e.g. target/classes (Gregor's own are on the CLI's class path).")
  String classpath;

  /** The app, built (settings and routes checked) but not started. */
  App load() {
    Target target = target();
    if (target == null) {
      throw new IllegalArgumentException("No app class: pass --app CLASS, set " + BOOT_VARIABLE + ", or run in a "
          + "project with a " + BootFile.NAME + " (gregor install makes one)");
    }
    return AppBoot.load(target.app(), target.classpath());
  }

  /** Which app class, and its class path (null: the CLI's own); null when no option, variable or boot file names one. */
  @Nullable Target target() {
    String name = app != null ? app : System.getenv(BOOT_VARIABLE);
    if (name != null && !name.isBlank()) {
      return new Target(name.trim(), classpath);
    }
    BootFile project = BootFile.in(Path.of("").toAbsolutePath());
    return project == null ? null : new Target(project.app(), classpath != null ? classpath : project.classpath());
  }

  /** An app class and where it is. */
  record Target(String app, @Nullable String classpath) {}

  /** The app's routes as the commands show them, in alphabetical order of topic (the seed's order). */
  List<RouteDescription> routes() {
    return load().routes().all().stream().map(RouteDescription::of)
        .sorted(Comparator.comparing(RouteDescription::topic)).toList();
  }
}
