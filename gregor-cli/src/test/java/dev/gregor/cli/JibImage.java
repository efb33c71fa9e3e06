package dev.gregor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An image tar from Jib's {@code jib:buildTar}, unpacked: its layers into one root directory, its entrypoint and
 * environment. There is no container runtime here, so {@link #command} runs the entrypoint with this JVM's java,
 * its {@code /app} paths pointing into the unpacked root.
 */
record JibImage(Path root, List<String> entrypoint, Map<String, String> environment) {
  static JibImage unpack(Path tar, Path into) throws IOException, InterruptedException {
    Path parts = into.resolve("parts");
    Path root = into.resolve("root");
    Files.createDirectories(parts);
    Files.createDirectories(root);
    untar(List.of("-xf", tar.toString(), "-C", parts.toString()));
    JsonNode manifest = new ObjectMapper().readTree(parts.resolve("manifest.json").toFile()).get(0);
    for (JsonNode layer : manifest.get("Layers")) {
      untar(List.of("-xzf", parts.resolve(layer.asText()).toString(), "-C", root.toString()));
    }
    JsonNode config = new ObjectMapper().readTree(parts.resolve(manifest.get("Config").asText()).toFile()).get("config");
    List<String> entrypoint = new ArrayList<>();
    config.get("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
    Map<String, String> environment = new java.util.LinkedHashMap<>();
    config.get("Env").forEach(variable -> {
      String[] pair = variable.asText().split("=", 2);
      environment.put(pair[0], pair[1]);
    });
    return new JibImage(root, entrypoint, environment);
  }

  /** The entrypoint with this JVM's java and every {@code /app} path inside the unpacked root. */
  List<String> command() throws IOException {
    String app = root.resolve("app").toString();
    Path classpathFile = root.resolve("app/jib-classpath-file");
    Files.writeString(classpathFile, Files.readString(classpathFile).replace("/app/", app + "/"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String part : entrypoint.subList(1, entrypoint.size())) {
      command.add(part.replace("@/app/", "@" + app + "/"));
    }
    return command;
  }

  private static void untar(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tar"));
    command.addAll(arguments);
    Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(tar.getInputStream().readAllBytes());
    if (!tar.waitFor(2, TimeUnit.MINUTES) || tar.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
