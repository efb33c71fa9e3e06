/** The benchmark scenarios and harness of gregor-bench: latency. Not API. */
package dev.gregor.bench.internal.latency;
