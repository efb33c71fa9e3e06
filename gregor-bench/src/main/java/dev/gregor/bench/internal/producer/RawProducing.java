package dev.gregor.bench.internal.producer;

import dev.gregor.bench.internal.run.Payloads;
import dev.gregor.bench.internal.run.Session;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The baselines: what a user of plain kafka-clients writes — a send loop with a callback, then flush. */
final class RawProducing {
  /** What an experienced user sets for throughput; Gregor's buffered producers use the same batch size. */
  static final Map<String, Object> TUNED = Map.of("linger.ms", "20", "batch.size", Integer.toString(256 * 1024));
  /** A synchronous send per record without the 5 ms linger that kafka-clients 4.x adds by default. */
  static final Map<String, Object> NO_LINGER = Map.of("linger.ms", "0");

  private RawProducing() {}

  /** A send loop over {@code c.records()} records with kafka-clients' defaults plus {@code tuning}. */
  static Session.Opener loop(String bootstrap, ProducerCase c, Map<String, Object> tuning) {
    return topic -> {
      KafkaProducer<byte[], byte[]> producer = create(bootstrap, c, tuning);
      byte[][] values = Payloads.values(c.recordBytes(), 1024);
      byte[][] keys = ProducerCase.keys();
      return new Session() {
        @Override
        public void run() {
          AtomicLong acked = new AtomicLong();
          AtomicReference<Exception> failure = new AtomicReference<>();
          for (int i = 0; i < c.records(); i++) {
            byte[] key = c.keyed() ? keys[i & 1023] : null;
            producer.send(new ProducerRecord<>(topic, key, values[i & 1023]), (metadata, exception) -> {
              if (exception != null) {
                failure.compareAndSet(null, exception);
              } else {
                acked.incrementAndGet();
              }
            });
          }
          producer.flush();
          check(failure.get(), acked.get(), c.records());
        }

        @Override
        public void close() {
          producer.close();
        }
      };
    };
  }

  /** One record at a time, each waited for: {@code send(record).get()}. */
  static Session.Opener synchronous(String bootstrap, ProducerCase c, Map<String, Object> tuning) {
    return topic -> {
      KafkaProducer<byte[], byte[]> producer = create(bootstrap, c, tuning);
      byte[][] values = Payloads.values(c.recordBytes(), 1024);
      return new Session() {
        @Override
        public void run() throws Exception {
          for (int i = 0; i < c.records(); i++) {
            producer.send(new ProducerRecord<>(topic, values[i & 1023])).get(30, TimeUnit.SECONDS);
          }
        }

        @Override
        public void close() {
          producer.close();
        }
      };
    };
  }

  static KafkaProducer<byte[], byte[]> create(String bootstrap, ProducerCase c, Map<String, Object> tuning) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("acks", c.acks().kafkaValue());
    config.put("compression.type", c.codec().kafkaValue());
    config.putAll(tuning);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  static void check(Exception failure, long acked, long expected) {
    if (failure != null) {
      throw new IllegalStateException("a send failed: " + failure, failure);
    }
    if (acked != expected) {
      throw new IllegalStateException("expected " + expected + " acknowledgements, got " + acked);
    }
  }
}
