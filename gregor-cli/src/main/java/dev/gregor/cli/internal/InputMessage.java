package dev.gregor.cli.internal;

import dev.gregor.client.Message;
import java.time.Instant;
import java.util.List;

/**
 * One message read from a line of input, before the command's defaults (--key, --partition,
 * --header) are applied; null fields were not given on the line. Headers keep their order, and
 * a name may repeat.
 */
public record InputMessage(byte[] key, byte[] value, List<Message.Header> headers, Integer partition, Instant timestamp) {}
