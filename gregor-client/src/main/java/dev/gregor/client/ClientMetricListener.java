package dev.gregor.client;

/**
 * Told when a kafka-clients instance of a {@link Gregor} client adds or removes a metric (many,
 * such as per-broker and per-topic ones, only appear once used). Called on kafka-clients' own
 * threads while it registers the metric: keep it quick; a throwing listener is logged and kept.
 */
public interface ClientMetricListener {
  /** A metric appeared (or was replaced). */
  void added(ClientMetric metric);

  /** A metric went away, or the instance holding it closed. */
  void removed(ClientMetric metric);
}
