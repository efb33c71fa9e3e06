package dev.gregor.client.internal.producer;

import dev.gregor.client.BufferOverflow;
import dev.gregor.client.PendingMessage;
import java.util.ArrayList;
import java.util.List;

/** The bounded, ordered buffer of a producer: messages leave it only when Kafka acknowledged them. */
public final class MessageBuffer {
  private final int maxSize;
  private final long maxBytesize;
  private final List<BufferedMessage> messages = new ArrayList<>();
  private final ProducerEvents events;
  private long bytesize;

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
    if (messages.size() + 1 > maxSize) {
      events.overflowed(message, messages.size(), maxSize);
      throw new BufferOverflow("Cannot buffer a message for topic '" + message.topic() + "': the buffer already holds "
          + messages.size() + " messages, the maxBufferSize; deliver or clear it first");
    }
    if (bytesize + message.bytesize() > maxBytesize) {
      events.overflowed(message, messages.size(), maxSize);
      throw new BufferOverflow("Cannot buffer a message of " + message.bytesize() + " bytes for topic '" + message.topic()
          + "': the buffer holds " + bytesize + " bytes and maxBufferBytesize is " + maxBytesize);
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
    bytesize = messages.stream().mapToLong(m -> m.message().bytesize()).sum();
  }

  /** Empties the buffer and returns what it held. */
  public List<BufferedMessage> clear() {
    List<BufferedMessage> dropped = List.copyOf(messages);
    messages.clear();
    bytesize = 0;
    return dropped;
  }

  public int size() {
    return messages.size();
  }

  public long bytesize() {
    return bytesize;
  }
}
