package dev.gregor.cli;

import dev.gregor.cli.internal.ProjectTemplate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gregor install}: a new Maven project on Gregor's framework that builds and passes its test (seed: {@code karafka install}). */
@Command(
    name = "install",
    sortOptions = false,
    headerHeading = "%n",
    header = "Generate a new Maven project with a framework app, a worker route and a test",
    synopsisHeading = "%nUsage:%n  ",
    descriptionHeading = "%nDescription:%n",
    description = {
        "  Writes a Maven project into DIR (default: the current directory): the Maven wrapper, a",
        "  pom importing Gregor's BOM, an app class with its setup and routes (a controller, a parser",
        "  and a responder on 'orders', a worker route on 'orders_confirmed'), a production overlay",
        "  and a test that runs the app on an embedded broker. './mvnw verify' passes at once, and",
        "  'gregor server' in DIR serves the app (gregor-boot.properties names it).",
        "  A DIR that is not empty is refused unless --force, which replaces only these files.",
        "  The pom needs Gregor's modules: until Gregor is on Maven Central, run",
        "  './mvnw install -DskipTests' in Gregor's checkout first."},
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:generated", "1:usage error: a bad package or directory name, a DIR that is not empty",
        "2:a file could not be written"},
    footerHeading = "%nExamples:%n",
    footer = {"  gregor install shop && cd shop && ./mvnw verify",
        "  gregor install billing --package com.acme.billing"})
public final class InstallCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Where to generate. Default: here.")
  Path directory;

  @Option(names = "--package", paramLabel = "PACKAGE",
      description = "The Java package of the app. Default: com.example.<DIR's name>.")
  String javaPackage;

  @Option(names = "--force", description = "Generate into a directory that is not empty.")
  boolean force;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path target = (directory == null ? Path.of("") : directory).toAbsolutePath().normalize();
    String artifactId = target.getFileName() == null ? "app" : target.getFileName().toString();
    ProjectTemplate template;
    try {
      template = ProjectTemplate.of(javaPackage != null ? javaPackage : ProjectTemplate.defaultPackage(artifactId),
          artifactId);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!force && notEmpty(target)) {
      throw new ParameterException(spec.commandLine(), "Directory " + target + " is not empty; pick a new one, or "
          + "pass --force to write the project's files into it (files of the same name are replaced)");
    }
    List<Path> written = template.writeTo(target);
    PrintWriter out = spec.commandLine().getOut();
    written.forEach(path -> out.println(target.relativize(path)));
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    String cd = directory == null ? "" : "cd " + directory + " && ";
    err.println("Generated " + written.size() + " files in " + target + ". Next:");
    err.println("  " + cd + "./mvnw verify      # builds it and runs its test on an embedded broker");
    err.println("  gregor dev                     # a broker on localhost:9092, in another terminal");
    err.println("  gregor server                  # in " + target.getFileName() + ": serves the app; README.md has more");
    err.flush();
    return GregorCommand.EXIT_OK;
  }

  private static boolean notEmpty(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      if (Files.exists(directory)) {
        throw new IOException(directory + " is a file, not a directory");
      }
      return false;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isPresent();
    }
  }
}
