/** The benchmark scenarios and harness of gregor-bench: report. Not API. */
package dev.gregor.bench.internal.report;
