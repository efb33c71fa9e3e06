/** Meters from events, kafka-clients' metrics as meters, meter names and the StatsD registry. Not API. */
package dev.gregor.metrics.internal;
