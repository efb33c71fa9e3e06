package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.embedded.ChildJvm;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's path for a newcomer, as real processes: {@code gregor install demo}, the project's own {@code ./mvnw
 * verify}, then {@code gregor routes}, {@code gregor server} and {@code gregor worker} run in its directory, and
 * the app's container image (Jib) run as a container runtime would run its entrypoint.
 */
@EmbeddedKafkaTest
class InstalledProjectTest {
  private static final String VERSION = "0.1.0-SNAPSHOT";

  @Test
  void aGeneratedProjectPassesItsOwnVerifyItsServerAndWorkerProcessAnOrderAndSoDoesItsImage(EmbeddedKafka kafka, @TempDir Path dir)
      throws Exception {
    Path project = dir.resolve("demo");
    assertThat(Cli.run("install", project.toString()).exitCode()).isZero();

    Path repository = dir.resolve("repository");
    ReactorRepository.write(repository, VERSION);
    Path log = dir.resolve("build.log");
    int built = maven(project, repository, log, "verify");

    assertThat(built).as("./mvnw verify of the generated project; its log:%n%s", tail(log)).isZero();
    assertThat(Files.readString(log)).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");

    StringBuffer routes = new StringBuffer();
    try (ChildJvm child = gregor(project, kafka, routes, "routes")) {
      assertThat(child.waitFor(Duration.ofMinutes(1))).isTrue();
      child.awaitOutput(Duration.ofSeconds(10));
      assertThat(child.exitValue()).as(routes.toString()).isZero();
      assertThat(routes.toString()).contains("OrdersController", "ReceiptsController", "OrderParser", "demo_jobs");
    }

    for (String topic : List.of("orders", "orders_confirmed", "demo_jobs")) {
      kafka.createTopic(topic, 1, 1); // the generated app's names (no other test uses them)
    }
    StringBuffer serverLog = new StringBuffer();
    StringBuffer workerLog = new StringBuffer();
    try (ChildJvm server = gregor(project, kafka, serverLog, "server");
        ChildJvm worker = gregor(project, kafka, workerLog, "worker", "--concurrency", "2");
        Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      await().atMost(Duration.ofSeconds(60)).failFast("the server exited: " + serverLog, () -> !server.isAlive())
          .until(() -> serverLog.toString().contains("App 'demo' serving 2 route(s)"));
      gregor.deliverMessage("orders", "o-1,ann,20");

      await().atMost(Duration.ofSeconds(60)).failFast("the worker exited: " + workerLog, () -> !worker.isAlive())
          .until(() -> workerLog.toString().contains("Receipt for order o-1 sent to ann"));
      assertThat(serverLog.toString()).contains("Order o-1 from ann for 20");

      server.stop();
      worker.stop();
      assertThat(server.waitFor(Duration.ofSeconds(60)) && worker.waitFor(Duration.ofSeconds(60))).isTrue();
      assertThat(List.of(server.exitValue(), worker.exitValue())).containsOnly(143);
    }

    // The container image of docs/deployment.md: built by Jib without a daemon. Base images come from container
    // registries, which this build cannot reach, so it is built on 'scratch' and run with this JVM's java.
    Path imageLog = dir.resolve("image.log");
    assertThat(maven(project, repository, imageLog, "-Pimage", "package", "jib:buildTar", "-DskipTests",
        "-Djib.from.image=scratch")).as("jib:buildTar; its log:%n%s", tail(imageLog)).isZero();
    JibImage image = JibImage.unpack(project.resolve("target/jib-image.tar"), dir.resolve("image"));
    assertThat(image.environment()).containsEntry("GREGOR_ENV", "production");
    Path appLog = dir.resolve("app.log");
    ProcessBuilder container = new ProcessBuilder(image.command()).directory(image.root().toFile())
        .redirectErrorStream(true).redirectOutput(appLog.toFile());
    container.environment().putAll(image.environment());
    container.environment().put("GREGOR_KAFKA_HOSTS", kafka.bootstrapServers());
    Process app = container.start();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      await().atMost(Duration.ofSeconds(60)).failFast("the app exited", () -> !app.isAlive())
          .until(() -> Files.readString(appLog).contains("Assigned [orders-0]"));
      gregor.deliverMessage("orders", "o-2,bob,30");
      await().atMost(Duration.ofSeconds(60)).failFast("the app exited", () -> !app.isAlive())
          .until(() -> Files.readString(appLog).contains("Receipt for order o-2 sent to bob"));
    } finally {
      app.destroy(); // SIGTERM, as a container runtime stops it
      assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(app.exitValue()).as(Files.readString(appLog)).isEqualTo(143);
    assertThat(Files.readString(appLog)).contains("Order o-2 from bob for 30");
  }

  /** {@code gregor ARGS} in the project's directory, its standard error collected, connected through GREGOR_KAFKA_HOSTS. */
  private static ChildJvm gregor(Path project, EmbeddedKafka kafka, StringBuffer err, String... args) {
    return ChildJvm.builder(Main.class).args(args).workingDirectory(project)
        .environment("GREGOR_KAFKA_HOSTS", kafka.bootstrapServers()).environment(AppOptions.BOOT_VARIABLE, null)
        .onOutput(line -> err.append(line).append('\n')).onError(line -> err.append(line).append('\n')).start();
  }

  /**
   * Runs the project's {@code ./mvnw ARGS} with this build's Gregor in a local repository of its own, chained to
   * the build's local repository (Maven 3.9's {@code maven.repo.local.tail}) for everything else.
   */
  private static int maven(Path project, Path repository, Path log, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(project.resolve("mvnw").toString(), "--batch-mode",
        "--no-transfer-progress", "-Dmaven.repo.local=" + repository,
        "-Dmaven.repo.local.tail=" + System.getProperty("gregor.maven.repository",
            System.getProperty("user.home") + "/.m2/repository")));
    command.addAll(List.of(args));
    if (Boolean.getBoolean("gregor.maven.offline")) {
      command.add("--offline");
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("MAVEN_ARGS");
    builder.environment().remove("GREGOR_BOOT");
    Process maven = builder.start();
    if (!maven.waitFor(10, TimeUnit.MINUTES)) {
      maven.descendants().forEach(ProcessHandle::destroyForcibly);
      maven.destroyForcibly();
      throw new AssertionError("./mvnw " + String.join(" ", args) + " of the generated project ran over 10 minutes:\n"
          + tail(log));
    }
    return maven.exitValue();
  }

  private static String tail(Path log) throws java.io.IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }
}
