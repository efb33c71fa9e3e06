/** Gregor's metrics: a Micrometer binder for a client's events and kafka-clients' metrics, and StatsD / DogStatsD reporters. The only package of gregor-metrics that is API. */
package dev.gregor.metrics;
