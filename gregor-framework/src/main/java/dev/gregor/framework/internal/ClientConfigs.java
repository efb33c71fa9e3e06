package dev.gregor.framework.internal;

import dev.gregor.client.Config;
import dev.gregor.client.ConsumerSettings;
import dev.gregor.framework.Settings;

/** The client configuration an app's settings mean: one place, so the server, workers and CLI agree. */
public final class ClientConfigs {
  private ClientConfigs() {}

  public static Config client(Settings settings) {
    Config.Builder config = Config.builder().seedBrokers(settings.kafkaHosts().toArray(String[]::new))
        .clientId(settings.clientId()).connectTimeout(settings.connectTimeout());
    if (settings.sasl() != null) {
      config.sasl(settings.sasl());
    }
    String ca = settings.sslCaCert();
    String cert = settings.sslClientCert();
    if (ca != null || cert != null) {
      config.ssl(ssl -> {
        if (ca != null) {
          ssl.caCertificate(ca);
        }
        if (cert != null) {
          ssl.clientCertificate(cert, settings.sslClientCertKey());
        }
      });
    }
    settings.kafka().forEach(config::property);
    return config.build();
  }

  /** The group consumer settings of the seed's table: session, heartbeat, commit interval and threshold. */
  public static void consumer(Settings settings, ConsumerSettings.Builder consumer) {
    consumer.automaticallyMarkAsProcessed(false)
        .sessionTimeout(settings.sessionTimeout())
        .heartbeatInterval(settings.heartbeatInterval())
        .offsetCommitInterval(settings.offsetCommitInterval())
        .offsetCommitThreshold(settings.offsetCommitThreshold())
        .shutdownTimeout(settings.shutdownTimeout())
        .stopOnShutdown(false); // the app stops its listeners itself, in order
  }
}
