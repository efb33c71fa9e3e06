package dev.gregor.client.internal.producer;

import dev.gregor.client.Compression;
import dev.gregor.client.Config;
import dev.gregor.client.ProducerSettings;
import dev.gregor.client.internal.config.ClientProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Translates {@link ProducerSettings} into kafka-clients producer properties. */
final class ProducerProperties {
  /** Batches fill while a delivery sends its buffer; flush() sends them at once, so this costs no latency. */
  private static final long LINGER_MS = 20;
  private static final int BATCH_BYTES = 256 * 1024;

  private ProducerProperties() {}

  static Map<String, Object> of(Config config, ProducerSettings settings, Compression compression) {
    Duration delivery = settings.deliveryTimeout() != null ? settings.deliveryTimeout() : config.deliveryTimeout();
    long deliveryMs = Math.max(delivery.toMillis(), LINGER_MS + 1);
    Map<String, Object> p = new HashMap<>();
    p.put("acks", settings.acks().kafkaValue());
    p.put("enable.idempotence", Boolean.toString(settings.idempotent()));
    p.put("compression.type", compression.kafkaValue());
    p.put("linger.ms", Long.toString(LINGER_MS));
    p.put("batch.size", Integer.toString(BATCH_BYTES));
    // The safe retry policy: with idempotence the broker drops duplicates, so retry until the timeout;
    // without it a retry may write a message twice, so only retry when the user asked for it.
    int retries = settings.maxRetries() != null ? settings.maxRetries()
        : settings.idempotent() ? Integer.MAX_VALUE : 0;
    p.put("retries", Integer.toString(retries));
    // Retries must not reorder a partition. Without retries one request in flight keeps no more
    // order than five: a failed batch does not stop the ones behind it either way (its messages
    // stay buffered for the next delivery), and five let a large delivery's batches overlap.
    if (!settings.idempotent() && retries > 0) {
      p.put("max.in.flight.requests.per.connection", "1");
    }
    p.put("retry.backoff.ms", Long.toString(settings.retryBackoff().toMillis()));
    p.put("retry.backoff.max.ms", Long.toString(Math.max(settings.retryBackoff().toMillis() * 10, 1)));
    p.put("delivery.timeout.ms", Long.toString(deliveryMs));
    p.put("request.timeout.ms", Long.toString(Math.min(config.socketTimeout().toMillis(), deliveryMs - LINGER_MS)));
    p.put("max.block.ms", Long.toString(config.connectTimeout().toMillis()));
    p.putAll(ClientProperties.common(config));
    return p;
  }
}
