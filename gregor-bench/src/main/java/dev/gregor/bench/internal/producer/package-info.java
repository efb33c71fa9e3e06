/** The benchmark scenarios and harness of gregor-bench: producer. Not API. */
package dev.gregor.bench.internal.producer;
