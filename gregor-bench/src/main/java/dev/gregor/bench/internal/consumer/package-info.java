/** The benchmark scenarios and harness of gregor-bench: consumer. Not API. */
package dev.gregor.bench.internal.consumer;
