package dev.gregor.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public and protected member of a module's public package has Javadoc, and every package
 * of every module a {@code package-info.java}: javac's doclint over the sources, as a test, so
 * the build fails on a missing comment without turning every other compiler warning into an error.
 */
class JavadocTest {

  static List<ApiModules.ApiModule> modules() {
    return ApiModules.all();
  }

  @ParameterizedTest
  @MethodSource("modules")
  void everyPublicMemberOfThePublicPackageHasJavadoc(ApiModules.ApiModule module) throws IOException {
    Path sources = ApiModules.root().resolve(module.name()).resolve("src/main/java")
        .resolve(module.packageName().replace('.', '/'));
    List<Path> files;
    try (Stream<Path> list = Files.list(sources)) {
      files = list.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("gregor-doclint");
    try (StandardJavaFileManager files2 = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("-Xdoclint:all/protected", "-Xdoclint/package:" + module.packageName(),
          "-proc:none", "-implicit:none", "-Xmaxwarns", "100000", "-Xmaxerrs", "100000", "-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
          "-sourcepath", ApiModules.root().resolve(module.name()).resolve("src/main/java").toString());
      javac.getTask(null, files2, diagnostics, options, null, files2.getJavaFileObjectsFromPaths(files)).call();
    }
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      // doclint reports through the messager (code compiler.warn.proc.messager); without -Xlint little else is said.
      // Gregor's Javadoc is one or two sentences (STYLE.md): a comment on every member, correct
      // HTML and references, but no @param/@return/@throws tags required.
      String message = d.getMessage(Locale.ROOT);
      if (message.startsWith("no @param") || message.startsWith("no @return") || message.startsWith("no @throws")) {
        continue;
      }
      if (d.getSource() != null && (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)) {
        problems.add(Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": " + message);
      }
    }
    assertThat(problems).as("Javadoc problems in %s's public package", module).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("modules")
  void everyPackageHasAPackageInfo(ApiModules.ApiModule module) {
    Path main = ApiModules.root().resolve(module.name()).resolve("src/main/java");
    try (Stream<Path> dirs = Files.walk(main)) {
      List<String> missing = dirs.filter(Files::isDirectory).filter(JavadocTest::holdsJava)
          .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
          .map(dir -> main.relativize(dir).toString().replace('/', '.')).toList();
      assertThat(missing).as("packages of %s without package-info.java", module).isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean holdsJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
