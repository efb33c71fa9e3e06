/** The benchmark scenarios and harness of gregor-bench: startup. Not API. */
package dev.gregor.bench.internal.startup;
