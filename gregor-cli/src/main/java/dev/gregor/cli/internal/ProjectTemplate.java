package dev.gregor.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * The files of a new Maven project on Gregor's framework, as {@code gregor install} writes them (seed: {@code
 * karafka install}): an app with one inline route (controller, parser, responder) and one worker route, a
 * production overlay, a test on the embedded broker, and Gregor's own Maven wrapper.
 */
public final class ProjectTemplate {
  private static final String BASE = "/dev/gregor/cli/install/";
  private static final Pattern ARTIFACT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  /** Resource under {@code template/} or {@code wrapper/} → path in the project; {@code PKG} is the package's folder. */
  private static final List<Map.Entry<String, String>> FILES = List.of(
      Map.entry("template/pom.xml.template", "pom.xml"),
      Map.entry("template/gregor-boot.properties.template", "gregor-boot.properties"),
      Map.entry("template/README.md.template", "README.md"),
      Map.entry("template/gitignore.template", ".gitignore"),
      Map.entry("wrapper/mvnw", "mvnw"),
      Map.entry("wrapper/mvnw.cmd", "mvnw.cmd"),
      Map.entry("wrapper/.mvn/wrapper/maven-wrapper.properties", ".mvn/wrapper/maven-wrapper.properties"),
      Map.entry("template/GregorApp.java.template", "src/main/java/PKG/GregorApp.java"),
      Map.entry("template/Order.java.template", "src/main/java/PKG/Order.java"),
      Map.entry("template/OrderParser.java.template", "src/main/java/PKG/OrderParser.java"),
      Map.entry("template/OrdersController.java.template", "src/main/java/PKG/OrdersController.java"),
      Map.entry("template/OrderResponder.java.template", "src/main/java/PKG/OrderResponder.java"),
      Map.entry("template/ReceiptsController.java.template", "src/main/java/PKG/ReceiptsController.java"),
      Map.entry("template/gregor.production.properties.template", "src/main/resources/gregor.production.properties"),
      Map.entry("template/simplelogger.properties.template", "src/main/resources/simplelogger.properties"),
      Map.entry("template/GregorAppTest.java.template", "src/test/java/PKG/GregorAppTest.java"));

  private final String javaPackage;
  private final String artifactId;

  private ProjectTemplate(String javaPackage, String artifactId) {
    this.javaPackage = javaPackage;
    this.artifactId = artifactId;
  }

  /** A project with artifact id {@code artifactId} and its classes in {@code javaPackage}; both checked here. */
  public static ProjectTemplate of(String javaPackage, String artifactId) {
    if (!SourceVersion.isName(javaPackage) || !javaPackage.contains(".")) {
      throw new IllegalArgumentException("--package '" + javaPackage + "' is not a Java package name with at least two "
          + "parts, e.g. com.example.shop");
    }
    if (!ARTIFACT_ID.matcher(artifactId).matches()) {
      throw new IllegalArgumentException("'" + artifactId + "' cannot be a Maven artifact id (letters, digits, '.', "
          + "'_' and '-'); name the directory after the project, e.g. shop-orders");
    }
    return new ProjectTemplate(javaPackage, artifactId);
  }

  /** The package {@code gregor install DIR} picks when none is given: {@code com.example.<dir, as a Java name>}. */
  public static String defaultPackage(String artifactId) {
    String name = artifactId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) || SourceVersion.isKeyword(name)) {
      name = "app" + name;
    }
    return "com.example." + name;
  }

  /** Writes every file into {@code directory} (replacing files of the same name) and returns their paths. */
  public List<Path> writeTo(Path directory) throws IOException {
    String version = resource("gregor.version").trim();
    String appName = artifactId.replaceAll("[^A-Za-z0-9._-]", "_");
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> file : FILES) {
      Path target = directory.resolve(file.getValue().replace("PKG", javaPackage.replace('.', '/')));
      String text = resource(file.getKey()).replace("{{package}}", javaPackage).replace("{{artifactId}}", artifactId)
          .replace("{{appName}}", appName).replace("{{gregorVersion}}", version);
      Files.createDirectories(target.getParent());
      Files.writeString(target, text, StandardCharsets.UTF_8);
      if (file.getValue().equals("mvnw")) {
        makeExecutable(target);
      }
      written.add(target);
    }
    return written;
  }

  private static void makeExecutable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Windows: mvnw.cmd is the one that runs there
    }
  }

  private static String resource(String name) {
    try (InputStream in = ProjectTemplate.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("gregor install: resource " + BASE + name + " is missing from the CLI's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
