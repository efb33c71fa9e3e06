package dev.gregor.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Maven local repository holding the Gregor modules this test JVM runs with (the build's own jars or
 * classes, and the poms from the checkout), so a generated project resolves exactly this build's Gregor,
 * not an older one installed in ~/.m2.
 */
final class ReactorRepository {
  /** {@code <artifact>/target/<artifact>-<version>.jar}, {@code <artifact>/target/classes}, or a ~/.m2 jar. */
  private static final Pattern MODULE = Pattern.compile(".*/(gregor-[a-z-]+?)(?:/target/classes|/target/\\1-[^/]+\\.jar"
      + "|/[^/]+/\\1-[^/]+\\.jar)");

  private ReactorRepository() {}

  /** Writes the repository into {@code repository}; the checkout is the CLI module's parent directory. */
  static void write(Path repository, String version) throws IOException {
    Path checkout = Path.of("").toAbsolutePath().getParent();
    install(repository, "gregor-parent", version, checkout.resolve("pom.xml"), null);
    install(repository, "gregor-bom", version, checkout.resolve("gregor-bom/pom.xml"), null);
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Matcher module = MODULE.matcher(entry.replace(File.separatorChar, '/'));
      if (module.matches() && Files.isRegularFile(checkout.resolve(module.group(1)).resolve("pom.xml"))) {
        String artifact = module.group(1);
        install(repository, artifact, version, checkout.resolve(artifact).resolve("pom.xml"), Path.of(entry));
      }
    }
  }

  private static void install(Path repository, String artifact, String version, Path pom, Path classes)
      throws IOException {
    Path folder = repository.resolve("dev/gregor").resolve(artifact).resolve(version);
    Files.createDirectories(folder);
    Files.copy(pom, folder.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (classes == null) {
      return;
    }
    Path jar = folder.resolve(artifact + "-" + version + ".jar");
    if (Files.isDirectory(classes)) {
      writeJar(classes, jar);
    } else {
      Files.copy(classes, jar, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void writeJar(Path classes, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      for (Path file : files) {
        zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
  }
}
