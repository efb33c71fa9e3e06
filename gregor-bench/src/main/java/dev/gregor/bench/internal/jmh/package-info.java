/** The benchmark scenarios and harness of gregor-bench: jmh. Not API. */
package dev.gregor.bench.internal.jmh;
