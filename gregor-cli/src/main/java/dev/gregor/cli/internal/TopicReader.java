package dev.gregor.cli.internal;

import dev.gregor.client.Consume;
import dev.gregor.client.Gregor;
import dev.gregor.client.ProcessingFailed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads topics without a group with the client's {@link Gregor#eachMessage}: whole topics from
 * the beginning or the end, or chosen partitions from chosen offsets; one thread (and one
 * consumer) per topic, all stopped together.
 */
public final class TopicReader implements MessageReader {
  /** Thrown from the handler to end eachMessage once the sink has enough (back as ProcessingFailed's cause). */
  private static final class Enough extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Enough() {
      super(null, null, false, false);
    }
  }

  private final Gregor kafka;
  private final List<String> topics;
  private final Map<String, Consume> consumes;
  private final List<Thread> reading = new ArrayList<>();
  private boolean stopped;
  private RuntimeException failure;

  public TopicReader(Gregor kafka, List<String> topics, boolean fromBeginning, boolean exitAtEnd) {
    this(kafka, everyPartition(topics, fromBeginning, exitAtEnd));
  }

  /** Reads each topic as its {@link Consume} says (in the map's order). */
  public TopicReader(Gregor kafka, Map<String, Consume> consumes) {
    this.kafka = kafka;
    this.topics = List.copyOf(consumes.keySet());
    this.consumes = Map.copyOf(consumes);
  }

  private static Map<String, Consume> everyPartition(List<String> topics, boolean fromBeginning, boolean exitAtEnd) {
    Consume start = fromBeginning ? Consume.fromBeginning() : Consume.fromEnd();
    Consume consume = exitAtEnd ? start.exitAtEnd() : start;
    Map<String, Consume> consumes = new LinkedHashMap<>();
    topics.forEach(topic -> consumes.put(topic, consume));
    return consumes;
  }

  @Override
  public void run(MessageSink sink) {
    List<Thread> helpers = new ArrayList<>();
    for (String topic : topics.subList(1, topics.size())) {
      Thread helper = new Thread(() -> read(topic, sink), "gregor-consume-" + topic);
      helper.setDaemon(true);
      helpers.add(helper);
      helper.start();
    }
    read(topics.get(0), sink);
    for (Thread helper : helpers) {
      joinUninterruptibly(helper);
    }
    synchronized (this) {
      if (failure != null) {
        throw failure;
      }
    }
  }

  private void read(String topic, MessageSink sink) {
    if (!register()) {
      return;
    }
    try {
      kafka.eachMessage(topic, consumes.get(topic), message -> {
        if (!sink.accept(message) || !sink.wantsMore()) {
          throw new Enough();
        }
      });
    } catch (ProcessingFailed e) {
      if (!(e.getCause() instanceof Enough)) { // the sink's own failure (say, stdout closed) is what to report
        failed(e.getCause() instanceof RuntimeException sinkFailure ? sinkFailure : e);
      }
    } catch (RuntimeException e) {
      failed(e);
    } finally {
      unregister();
    }
    boolean failed;
    synchronized (this) {
      failed = failure != null;
    }
    if (failed || !sink.wantsMore()) {
      stop(); // the others end too; a topic merely at its end (--exit) leaves them reading
    }
  }

  private synchronized void failed(RuntimeException e) {
    failure = failure == null ? e : failure;
  }

  private synchronized boolean register() {
    if (stopped) {
      return false;
    }
    reading.add(Thread.currentThread());
    return true;
  }

  /** After this, stop() no longer interrupts the thread; the interrupt it may have left is cleared. */
  private void unregister() {
    synchronized (this) {
      reading.remove(Thread.currentThread());
    }
    Thread.interrupted();
  }

  @Override
  public synchronized void stop() {
    stopped = true;
    // eachMessage ends when its thread is interrupted; only threads inside it are interrupted.
    reading.forEach(Thread::interrupt);
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
