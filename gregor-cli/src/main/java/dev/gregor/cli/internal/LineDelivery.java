package dev.gregor.cli.internal;

import dev.gregor.client.Delivered;
import dev.gregor.client.DeliveryFailed;
import dev.gregor.client.Produce;
import dev.gregor.client.Producer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends input lines through a buffered {@link Producer} in batches and counts what arrived; a
 * batch that partly fails is reported by line number and dropped, because a command line has
 * no later delivery to keep it for.
 */
public final class LineDelivery {
  private final Producer producer;
  private final String topic;
  private final List<Long> lines = new ArrayList<>();
  private final List<CompletableFuture<Delivered>> reports = new ArrayList<>();
  private long delivered;
  private long failed;

  public LineDelivery(Producer producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /** Buffers the message read from input line {@code line}. */
  public void add(long line, byte[] value, Produce options) {
    reports.add(producer.produce(topic, value, options));
    lines.add(line);
  }

  public int bufferedMessages() {
    return lines.size();
  }

  public long bufferedBytes() {
    return producer.bufferBytesize();
  }

  /** Delivers the buffer; returns null if everything arrived, else one line naming the lines lost and why. */
  public String deliver() {
    if (lines.isEmpty()) {
      return null;
    }
    DeliveryFailed failure = null;
    try {
      producer.deliverMessages();
    } catch (DeliveryFailed e) {
      failure = e;
    }
    String report = null;
    if (failure == null) {
      delivered += lines.size();
    } else {
      List<Long> lost = new ArrayList<>();
      for (int i = 0; i < reports.size(); i++) {
        if (reports.get(i).isDone()) {
          delivered++;
        } else {
          lost.add(lines.get(i));
        }
      }
      producer.clearBuffer();
      failed += lost.size();
      Throwable cause = failure.getCause() == null ? failure : failure.getCause();
      report = (lost.size() == 1 ? "line " : "lines ") + LineNumbers.ranges(lost) + " not delivered: " + cause.getMessage();
    }
    lines.clear();
    reports.clear();
    return report;
  }

  public long delivered() {
    return delivered;
  }

  public long failed() {
    return failed;
  }
}
