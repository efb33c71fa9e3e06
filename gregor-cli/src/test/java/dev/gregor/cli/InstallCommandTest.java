package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 003, "Karafka CLI" ({@code karafka install}): what {@code gregor install} writes and what it refuses. */
class InstallCommandTest {
  @Test
  void installWritesAMavenProjectWithTheAppItsTestTheWrapperAndABootFile(@TempDir Path dir) throws Exception {
    Path project = dir.resolve("billing");

    Cli.Result result = Cli.run("install", project.toString(), "--package", "com.acme.billing");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.lines()).contains("pom.xml", "mvnw", "gregor-boot.properties",
        "src/main/java/com/acme/billing/GregorApp.java", "src/test/java/com/acme/billing/GregorAppTest.java",
        "src/main/resources/gregor.production.properties", ".mvn/wrapper/maven-wrapper.properties");
    assertThat(Files.getPosixFilePermissions(project.resolve("mvnw"))).contains(PosixFilePermission.OWNER_EXECUTE);
    String pom = Files.readString(project.resolve("pom.xml"));
    assertThat(pom).contains("<artifactId>billing</artifactId>", "<groupId>com.acme.billing</groupId>",
        "<gregor.version>0.1.0-SNAPSHOT</gregor.version>", "<artifactId>gregor-bom</artifactId>");
    assertThat(Files.readString(project.resolve("src/main/java/com/acme/billing/GregorApp.java")))
        .startsWith("package com.acme.billing;").contains(".name(\"billing\")", "billing_jobs")
        .doesNotContain("{{");
    assertThat(Files.readString(project.resolve("gregor-boot.properties"))).contains("app = com.acme.billing.GregorApp");
    assertThat(result.err()).contains("Generated 16 files", "./mvnw verify", "gregor server");
  }

  @Test
  void withoutAPackageTheDirectorysNameMakesOne(@TempDir Path dir) throws Exception {
    Path project = dir.resolve("Shop-Orders");

    Cli.Result result = Cli.run("install", project.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(project.resolve("src/main/java/com/example/shoporders/GregorApp.java")).exists();
    assertThat(Files.readString(project.resolve("pom.xml"))).contains("<artifactId>Shop-Orders</artifactId>");
  }

  @Test
  void aDirectoryThatIsNotEmptyIsRefusedUnlessForcedAndForceKeepsOtherFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");

    Cli.Result refused = Cli.run("install", dir.toString(), "--package", "com.acme.shop");
    Cli.Result forced = Cli.run("install", dir.toString(), "--package", "com.acme.shop", "--force");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("is not empty", "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(dir.resolve("pom.xml")).exists();
    assertThat(dir.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void aPackageThatIsNotAJavaNameIsRefusedNamingTheOption(@TempDir Path dir) {
    Cli.Result keyword = Cli.run("install", dir.resolve("a").toString(), "--package", "com.example.class");
    Cli.Result oneWord = Cli.run("install", dir.resolve("b").toString(), "--package", "shop");

    assertThat(keyword.exitCode()).isEqualTo(1);
    assertThat(keyword.err()).contains("--package 'com.example.class' is not a Java package name");
    assertThat(oneWord.exitCode()).isEqualTo(1);
    assertThat(dir.resolve("a")).doesNotExist();
  }
}
