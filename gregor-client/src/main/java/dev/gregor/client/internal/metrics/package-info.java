/** The bridge from kafka-clients' own metrics to {@link dev.gregor.client.KafkaMetrics} listeners. Not API. */
package dev.gregor.client.internal.metrics;
