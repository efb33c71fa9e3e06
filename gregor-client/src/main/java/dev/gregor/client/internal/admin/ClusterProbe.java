package dev.gregor.client.internal.admin;

import dev.gregor.client.Config;
import dev.gregor.client.ConnectionFailed;
import dev.gregor.client.internal.config.ClientProperties;
import dev.gregor.client.internal.connection.ConnectCheck;

/**
 * Asks the seed brokers for the cluster id once at connect, so an unreachable cluster, a wrong
 * protocol or a wrong password fails at once with a message instead of at the first send.
 */
public final class ClusterProbe {
  private ClusterProbe() {}

  /**
   * Returns the cluster id and the admin client that asked for it, kept as the client's one admin
   * client (starting a second one cost a command-line run about 0.025 s); or throws
   * {@link ConnectionFailed} naming the addresses tried and the likely cause.
   */
  public static ConnectCheck.Connected connect(Config config) {
    return ConnectCheck.connect(config, ClientProperties.admin(config));
  }
}
