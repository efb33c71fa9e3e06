package dev.gregor.embedded.internal;

import dev.gregor.embedded.EmbeddedKafkaException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;

/** Formats a node's log directory for KRaft, as {@code kafka-storage.sh format} does. */
public final class StorageFormatter {
  private StorageFormatter() {}

  /** True when {@code logDir} was formatted before (a persistent data directory reused). */
  public static boolean isFormatted(Path logDir) {
    return Files.exists(logDir.resolve("meta.properties"));
  }

  /** Formats {@code logDir} for {@code nodeId}, enabling share groups and adding SCRAM users. */
  public static void format(Path logDir, int nodeId, String clusterId, List<String> scramArguments) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      Files.createDirectories(logDir);
      Formatter formatter = new Formatter()
          .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
          .setNodeId(nodeId)
          .setClusterId(clusterId)
          .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
          .setMetadataLogDirectory(logDir.toString())
          .addDirectory(logDir.toString())
          // KIP-932 queues: the share coordinator only runs when share.version is enabled.
          .setFeatureLevel(Feature.SHARE_VERSION.featureName(), Feature.SHARE_VERSION.latestProduction());
      if (!scramArguments.isEmpty()) {
        formatter.setScramArguments(scramArguments);
      }
      formatter.run();
    } catch (Exception e) {
      throw new EmbeddedKafkaException("Could not format the log directory " + logDir + " of node " + nodeId
          + ": " + e.getMessage() + (output.size() > 0 ? "\n" + output.toString(StandardCharsets.UTF_8) : ""), e);
    }
  }
}
