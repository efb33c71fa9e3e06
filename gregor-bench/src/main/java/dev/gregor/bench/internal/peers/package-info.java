/** The benchmark scenarios and harness of gregor-bench: peers. Not API. */
package dev.gregor.bench.internal.peers;
