package dev.gregor.framework.internal;

import dev.gregor.client.Event;
import dev.gregor.client.GregorException;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.framework.DeadLetters;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dead-letter topic with its own consumer group up to the end it had when the replay began,
 * writes each record back to its origin topic and partition, and commits after the origin acknowledged.
 */
public final class DeadLetterReplay {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Gregor client;
  private final String topic;
  private final String group;

  public DeadLetterReplay(Gregor client, String topic, String group) {
    this.client = client;
    this.topic = topic;
    this.group = group;
  }

  public int run(Duration timeout) {
    Map<Integer, Long> ends = new HashMap<>();
    for (int p = 0; p < client.partitionsFor(topic); p++) {
      ends.put(p, client.latestOffset(topic, p));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    int replayed = 0;
    try (GroupConsumer consumer = client.consumer(group, c -> c.automaticallyMarkAsProcessed(false).partitionEof(true))) {
      consumer.subscribe(true, topic);
      Map<Integer, Boolean> done = new HashMap<>();
      while (done.size() < ends.size()) {
        if (System.nanoTime() - deadline > 0) {
          consumer.commitOffsets();
          throw new GregorException("replaying dead letters of '" + topic + "' did not reach the end within " + timeout
              + " (" + replayed + " replayed; the next replay goes on from there)", null);
        }
        Event event = consumer.poll(POLL);
        if (event instanceof Message message && message.offset() < ends.get(message.partition())) {
          client.deliverMessages(List.of(toOrigin(message)));
          consumer.markMessageAsProcessed(message);
          replayed++;
          if (message.offset() + 1 >= ends.get(message.partition())) {
            done.put(message.partition(), true);
          }
        } else if (event instanceof Event.PartitionEof eof && eof.offset() >= ends.getOrDefault(eof.partition(), 0L)) {
          done.put(eof.partition(), true);
        } else if (event instanceof Event.KafkaError error && !error.retriable()) {
          throw error.error();
        }
      }
      consumer.commitOffsets();
    }
    return replayed;
  }

  private PendingMessage toOrigin(Message message) {
    String origin = message.header(DeadLetters.ORIGIN_TOPIC);
    String partition = message.header(DeadLetters.ORIGIN_PARTITION);
    if (origin == null) {
      throw new GregorException(topic + "/" + message.partition() + "@" + message.offset() + " is not a dead letter: no '"
          + DeadLetters.ORIGIN_TOPIC + "' header", null);
    }
    Produce options = Produce.options().withKey(message.key());
    if (partition != null) {
      options = options.withPartition(Integer.parseInt(partition));
    }
    for (Message.Header header : message.headers()) {
      if (!header.name().startsWith(DeadLetters.PREFIX)) {
        options = options.header(header.name(), header.value());
      }
    }
    return new PendingMessage(origin, message.value(), options);
  }
}
