/** Gregor's benchmarks ({@code ./bench}): side by side with raw kafka-clients and other tools. */
package dev.gregor.bench;
