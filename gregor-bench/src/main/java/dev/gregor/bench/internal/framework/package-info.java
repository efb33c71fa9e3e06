/** Framework benchmarks: an inline controller against a raw poll loop, share-group workers against raw share consumers. */
package dev.gregor.bench.internal.framework;
