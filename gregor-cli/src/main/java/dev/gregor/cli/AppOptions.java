package dev.gregor.cli;

import dev.gregor.cli.internal.AppBoot;
import dev.gregor.cli.internal.BootFile;
import dev.gregor.cli.internal.RouteDescription;
import dev.gregor.framework.App;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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
    String name = app != null ? app : System.getenv(BOOT_VARIABLE);
    if (name != null && !name.isBlank()) {
      return AppBoot.load(name.trim(), classpath);
    }
    BootFile project = BootFile.in(Path.of("").toAbsolutePath());
    if (project == null) {
      throw new IllegalArgumentException("No app class: pass --app CLASS, set " + BOOT_VARIABLE + ", or run in a "
          + "project with a " + BootFile.NAME + " (gregor install makes one)");
    }
    return AppBoot.load(project.app(), classpath != null ? classpath : project.classpath());
  }

  /** The app's routes as the commands show them, in alphabetical order of topic (the seed's order). */
  List<RouteDescription> routes() {
    return load().routes().all().stream().map(RouteDescription::of)
        .sorted(Comparator.comparing(RouteDescription::topic)).toList();
  }
}
