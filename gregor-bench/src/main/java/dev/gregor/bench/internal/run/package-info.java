/** The benchmark scenarios and harness of gregor-bench: run. Not API. */
package dev.gregor.bench.internal.run;
