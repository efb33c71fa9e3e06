package dev.gregor.bench.internal.jmh;

import dev.gregor.client.Gregor;
import dev.gregor.client.NotificationSubscription;
import dev.gregor.client.Produce;
import dev.gregor.client.Producer;
import dev.gregor.embedded.EmbeddedKafka;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a notification listener costs the thread that emits: {@code Producer.produce} into the
 * buffer sends a {@code produce_message} event per message (topic, key and value, buffer sizes),
 * with no listener, and with a listener on every event that only counts. The listener runs on
 * its own thread; what it cannot take in time is dropped and counted, as in production.
 * {@code ./bench jmh NotificationsBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NotificationsBenchmark {
  private static final int BATCH = 1_000;
  private final byte[] value = new byte[100];
  private final LongAdder seen = new LongAdder();
  @Param({"none", "counting"})
  public String listener;
  private EmbeddedKafka broker;
  private Gregor kafka;
  private Producer producer;
  private NotificationSubscription subscription;

  @Setup
  public void connect() {
    broker = EmbeddedKafka.builder().start();
    kafka = Gregor.connect(broker.bootstrapServers());
    producer = kafka.producer(p -> p.maxBufferSize(BATCH));
    if (listener.equals("counting")) {
      subscription = kafka.notifications().subscribe("*", n -> seen.increment());
    }
  }

  @TearDown
  public void close() {
    if (subscription != null) {
      System.out.printf("%n%d notifications seen, %d dropped%n", seen.sum(), subscription.dropped());
      subscription.close();
    }
    producer.clearBuffer();
    producer.close();
    kafka.close();
    broker.close();
  }

  /** Per message: buffering it with its event, then clearing the buffer every 1,000. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int produceWithItsEvent() {
    for (int i = 0; i < BATCH; i++) {
      producer.produce("orders", value, Produce.options());
    }
    int buffered = producer.bufferSize();
    producer.clearBuffer();
    return buffered;
  }
}
