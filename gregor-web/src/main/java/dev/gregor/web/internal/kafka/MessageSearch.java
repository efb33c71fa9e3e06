package dev.gregor.web.internal.kafka;

import dev.gregor.client.Fetch;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.web.internal.http.BadRequest;
import dev.gregor.web.internal.http.NotFound;
import dev.gregor.web.internal.http.Request;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which messages the explorer shows: one partition, from an offset (default: the last {@code limit}) or a time,
 * only those containing {@code q} in key, value or a header; a search reads at most {@link #SCANNED} messages.
 */
public final class MessageSearch {
  /** The most messages one search reads, so a search in a big partition answers in bounded time. */
  public static final int SCANNED = 10_000;
  private static final int FETCH_BYTES = 1024 * 1024;

  private final String topic;
  private final int partition;
  private final @Nullable Long offset;
  private final @Nullable Instant time;
  private final int limit;
  private final @Nullable String query;
  private long firstOffset;

  private MessageSearch(String topic, int partition, @Nullable Long offset, @Nullable Instant time, int limit,
      @Nullable String query) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.time = time;
    this.limit = limit;
    this.query = query;
    this.firstOffset = offset == null ? 0 : offset;
  }

  /** The search the query parameters describe; a malformed one is a {@link BadRequest} naming the parameter. */
  public static MessageSearch of(Request request, String topic) {
    String q = request.query("q");
    String time = request.query("time");
    Instant at = null;
    if (time != null && !time.isBlank()) {
      try {
        at = Instant.parse(time.trim());
      } catch (DateTimeParseException e) {
        throw new BadRequest("the time '" + time + "', not an ISO-8601 instant like 2026-12-04T10:00:00Z");
      }
    }
    String offset = request.query("offset");
    return new MessageSearch(topic, (int) number(request, "partition", 0, Integer.MAX_VALUE, 0),
        offset == null || offset.isBlank() || at != null ? null : number(request, "offset", 0, Long.MAX_VALUE, 0),
        at, (int) number(request, "limit", 1, 200, 20), q == null || q.isBlank() ? null : q);
  }

  /** The newest {@code limit} messages of one partition. */
  public static MessageSearch newest(String topic, int partition, int limit) {
    return new MessageSearch(topic, partition, null, null, limit, null);
  }

  public int partition() {
    return partition;
  }

  public @Nullable String query() {
    return query;
  }

  /** Where the search started (known after {@link #run}). */
  public long firstOffset() {
    return firstOffset;
  }

  /** Reads the partition and returns up to {@code limit} messages that match. */
  public List<Message> run(Gregor kafka) {
    int partitions = kafka.partitionsFor(topic);
    if (partition >= partitions) {
      throw new NotFound("Partition " + partition + " of topic '" + topic + "' does not exist: it has " + partitions
          + " partition(s), 0-" + (partitions - 1));
    }
    long earliest = kafka.earliestOffset(topic, partition);
    long latest = kafka.latestOffset(topic, partition);
    long from = offset != null ? offset : time != null ? kafka.offsetForTime(topic, partition, time)
        : query != null ? earliest : Math.max(earliest, latest - limit);
    firstOffset = Math.max(from, earliest);
    List<Message> found = new ArrayList<>();
    long next = firstOffset;
    int scanned = 0;
    while (next < latest && found.size() < limit && scanned < SCANNED) {
      Fetch fetch = kafka.fetch(topic, partition, Offset.at(next), 1, Duration.ofMillis(100), FETCH_BYTES);
      if (fetch.messages().isEmpty()) {
        break;
      }
      for (Message message : fetch.messages()) {
        scanned++;
        if (found.size() < limit && matches(message)) {
          found.add(message);
        }
      }
      next = fetch.nextOffset();
    }
    return found;
  }

  private boolean matches(Message message) {
    if (query == null) {
      return true;
    }
    if (contains(message.key()) || contains(message.value())) {
      return true;
    }
    for (Message.Header header : message.headers()) {
      if (header.name().contains(query) || contains(header.value())) {
        return true;
      }
    }
    return false;
  }

  private boolean contains(byte @Nullable [] bytes) {
    return bytes != null && query != null && new String(bytes, StandardCharsets.UTF_8).contains(query);
  }

  private static long number(Request request, String name, long min, long max, long fallback) {
    String value = request.query(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long number = Long.parseLong(value.trim());
      if (number < min || number > max) {
        throw new BadRequest("the " + name + " " + number + ", outside " + min + "-" + max);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new BadRequest("the " + name + " '" + value + "', not a whole number");
    }
  }
}
