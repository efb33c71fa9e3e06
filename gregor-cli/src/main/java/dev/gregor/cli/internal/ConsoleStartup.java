package dev.gregor.cli.internal;

import dev.gregor.client.Config;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JShell startup script of {@code gregor console}: Gregor's imports, {@code app} built from the app class
 * (when there is one) and {@code kafka} connected with the command's connection settings. JShell runs it in a
 * second JVM, so the client is made there from source, not handed over.
 */
public final class ConsoleStartup {
  private ConsoleStartup() {}

  /** The script: {@code kafka} connects with {@code config}; {@code app} is built when {@code appClass} is given. */
  public static String snippets(Config config, @Nullable String appClass) {
    StringBuilder script = new StringBuilder()
        .append("import dev.gregor.client.*;\n")
        .append("import dev.gregor.framework.*;\n");
    if (appClass != null) {
      script.append("App app = dev.gregor.cli.internal.AppBoot.load(\"").append(escape(appClass)).append("\", null);\n");
    }
    script.append("Gregor kafka = Gregor.connect(Config.builder()\n")
        .append("    .seedBrokers(\"").append(escape(String.join(",", config.seedBrokers()))).append("\")\n")
        .append("    .clientId(\"").append(escape(config.clientId())).append("\")\n")
        .append("    .connectTimeout(java.time.Duration.parse(\"").append(config.connectTimeout()).append("\"))\n");
    for (Map.Entry<String, Object> property : config.properties().entrySet()) {
      script.append("    .property(\"").append(escape(property.getKey())).append("\", \"")
          .append(escape(String.valueOf(property.getValue()))).append("\")\n");
    }
    script.append("    .build());\n")
        // /exit ends the remote JVM; the client's threads must not keep it alive or lose what it buffered.
        .append("Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));\n");
    return script.toString();
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        default -> escaped.append(c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return escaped.toString();
  }
}
