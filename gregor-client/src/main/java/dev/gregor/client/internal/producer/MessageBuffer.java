package dev.gregor.client.internal.producer;

import dev.gregor.client.BufferOverflow;
import dev.gregor.client.PendingMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounded, ordered buffer of a producer: messages leave it only when Kafka acknowledged them.
 * Messages a delivery took with {@link #send()} still count against its limits until it settled.
 */
public final class MessageBuffer {
  private final int maxSize;
  private final long maxBytesize;
  private final List<BufferedMessage> messages = new ArrayList<>();
  private final ProducerEvents events;
  private long bytesize;
  /** Messages handed to Kafka by {@link #send()} and not yet settled: out of the list, still within the limits. */
  private int sentSize;
  private long sentBytesize;
  /** How many messages at the head of the list came back from failed deliveries since the last {@link #send()}. */
  private int returned;

  public MessageBuffer(int maxSize, long maxBytesize, ProducerEvents events) {
    this.maxSize = maxSize;
    this.maxBytesize = maxBytesize;
    this.events = events;
  }

  ProducerEvents events() {
    return events;
  }

  /** Adds the message, or throws {@link BufferOverflow} naming the limit and leaves the buffer as it was. */
  public BufferedMessage add(PendingMessage message) {
    return add(BufferedMessage.of(message));
  }

  /** Adds a message whose delivery report already exists; the same limits apply. */
  public BufferedMessage add(BufferedMessage buffered) {
    PendingMessage message = buffered.message();
    int held = messages.size() + sentSize;
    if (held + 1 > maxSize) {
      events.overflowed(message, held, maxSize);
      throw new BufferOverflow("Cannot buffer a message for topic '" + message.topic() + "': the buffer already holds "
          + held + " messages, the maxBufferSize; deliver or clear it first");
    }
    if (bytesize + sentBytesize + message.bytesize() > maxBytesize) {
      events.overflowed(message, held, maxSize);
      throw new BufferOverflow("Cannot buffer a message of " + message.bytesize() + " bytes for topic '" + message.topic()
          + "': the buffer holds " + (bytesize + sentBytesize) + " bytes and maxBufferBytesize is " + maxBytesize);
    }
    messages.add(buffered);
    bytesize += message.bytesize();
    events.produced(message, messages.size(), maxSize);
    return buffered;
  }

  /** The buffered messages in produce order. */
  public List<BufferedMessage> snapshot() {
    return List.copyOf(messages);
  }

  /** Keeps only {@code kept} (a subsequence of the buffer, in its order): the messages a delivery could not deliver. */
  public void retainOnly(List<BufferedMessage> kept) {
    messages.clear();
    messages.addAll(kept);
    bytesize = bytesizeOf(messages);
  }

  /**
   * Takes every buffered message for a delivery that does not wait for its acknowledgements: they
   * leave the list but count against the limits until {@link #settled} says how it went.
   */
  public List<BufferedMessage> send() {
    List<BufferedMessage> taken = List.copyOf(messages);
    sentSize += taken.size();
    sentBytesize += bytesize;
    messages.clear();
    bytesize = 0;
    returned = 0;
    return taken;
  }

  /**
   * A delivery {@link #send()} started has ended: {@code failed} (in its order) go back to the
   * head of the buffer, after those returned by earlier deliveries and before anything not yet sent.
   */
  public void settled(List<BufferedMessage> sent, List<BufferedMessage> failed) {
    sentSize -= sent.size();
    sentBytesize -= bytesizeOf(sent);
    messages.addAll(returned, failed);
    returned += failed.size();
    bytesize += bytesizeOf(failed);
  }

  private static long bytesizeOf(List<BufferedMessage> list) {
    long sum = 0;
    for (BufferedMessage message : list) {
      sum += message.message().bytesize();
    }
    return sum;
  }

  /** Empties the buffer and returns what it held. */
  public List<BufferedMessage> clear() {
    List<BufferedMessage> dropped = List.copyOf(messages);
    messages.clear();
    bytesize = 0;
    return dropped;
  }

  /** Messages not yet handed to Kafka. */
  public int size() {
    return messages.size();
  }

  public long bytesize() {
    return bytesize;
  }
}
