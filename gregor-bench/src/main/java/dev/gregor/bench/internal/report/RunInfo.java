package dev.gregor.bench.internal.report;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Where and when a run happened, printed above its table and stored with its data. */
public record RunInfo(String date, String profile, String brokerMode, int cores, String java, String kafka, String os,
    double loadAverageAtStart) {

  public static RunInfo now(String profile, String brokerMode) {
    return new RunInfo(Instant.now().toString(), profile, brokerMode, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), kafkaVersion(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** kafka-clients' version, from the properties file its jar carries. */
  static String kafkaVersion() {
    try (InputStream in = RunInfo.class.getResourceAsStream("/kafka/kafka-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  public String describe() {
    return String.format("%s, profile %s, broker %s, %d cores, %s, Kafka %s, %s, load average at start %.2f", date,
        profile, brokerMode, cores, java, kafka, os, loadAverageAtStart);
  }
}
