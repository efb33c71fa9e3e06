package dev.gregor.cli.internal;

import java.time.Instant;
import java.util.Map;

/**
 * One message read from a line of input, before the command's defaults (--key, --partition,
 * --header) are applied; null fields were not given on the line.
 */
public record InputMessage(byte[] key, byte[] value, Map<String, String> headers, Integer partition, Instant timestamp) {}
