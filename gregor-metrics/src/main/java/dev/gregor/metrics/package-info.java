/** Gregor's metrics: a Micrometer binder for a client's events and kafka-clients' metrics, and StatsD / DogStatsD reporters. The only package of gregor-metrics that is API. Nothing here is null unless marked {@code @Nullable}. */
@NullMarked
package dev.gregor.metrics;

import org.jspecify.annotations.NullMarked;
