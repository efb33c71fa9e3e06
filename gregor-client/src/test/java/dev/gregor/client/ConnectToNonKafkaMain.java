package dev.gregor.client;

import java.time.Duration;

/** Connects to the address given and prints how that ended, for {@link NotKafkaPeerTest}'s child JVMs. */
public final class ConnectToNonKafkaMain {
  private ConnectToNonKafkaMain() {}

  public static void main(String[] args) {
    Config config = Config.builder().seedBrokers(args[0]).connectTimeout(Duration.ofSeconds(5)).build();
    try (Gregor gregor = Gregor.connect(config)) {
      System.out.println("connected to " + gregor.clusterId());
    } catch (ConnectionFailed e) {
      System.out.println("ConnectionFailed: " + e.getMessage());
    }
  }
}
