/** The benchmark scenarios and harness of gregor-bench: memory. Not API. */
package dev.gregor.bench.internal.memory;
