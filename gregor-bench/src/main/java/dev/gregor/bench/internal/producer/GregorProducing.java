package dev.gregor.bench.internal.producer;

import dev.gregor.bench.internal.run.Payloads;
import dev.gregor.bench.internal.run.Session;
import dev.gregor.client.AsyncProducer;
import dev.gregor.client.BufferOverflow;
import dev.gregor.client.Gregor;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.client.Producer;
import dev.gregor.client.ProducerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Gregor's ways of producing, each written the way its documentation shows. */
final class GregorProducing {
  private GregorProducing() {}

  /** The buffered {@link Producer}: produce, and {@code deliverMessages()} every {@code deliverEvery} messages. */
  static Session.Opener buffered(Gregor kafka, ProducerCase c, int deliverEvery) {
    return topic -> {
      Producer producer = kafka.producer(p -> settings(p, c).maxBufferSize(deliverEvery).maxBufferBytesize(Long.MAX_VALUE));
      byte[][] values = Payloads.values(c.recordBytes(), 1024);
      byte[][] keys = ProducerCase.keys();
      return new Session() {
        @Override
        public void run() {
          for (int i = 0; i < c.records(); i++) {
            producer.produce(topic, values[i & 1023], options(c, keys, i));
            if (producer.bufferSize() == deliverEvery) {
              producer.deliverMessages();
            }
          }
          producer.deliverMessages();
        }

        @Override
        public void close() {
          producer.close();
        }
      };
    };
  }

  /** {@code kafka.deliverMessages(list)} with lists of {@code batch} messages (KafkaEx {@code produce}); acks all, no codec. */
  static Session.Opener deliverMessages(Gregor kafka, ProducerCase c, int batch) {
    return topic -> {
      byte[][] values = Payloads.values(c.recordBytes(), 1024);
      byte[][] keys = ProducerCase.keys();
      return session(() -> {
        List<PendingMessage> messages = new ArrayList<>(batch);
        for (int i = 0; i < c.records(); i++) {
          messages.add(new PendingMessage(topic, values[i & 1023], options(c, keys, i)));
          if (messages.size() == batch) {
            kafka.deliverMessages(messages);
            messages = new ArrayList<>(batch);
          }
        }
        if (!messages.isEmpty()) {
          kafka.deliverMessages(messages);
        }
      });
    };
  }

  /**
   * The {@link AsyncProducer}, delivering every {@code threshold} messages with a buffer of ten
   * thresholds, so that deliveries overlap as docs/client.md advises; a caller that outruns it
   * gets {@link BufferOverflow} and tries again shortly, as the documentation advises.
   */
  static Session.Opener async(Gregor kafka, ProducerCase c, int threshold) {
    return topic -> {
      AsyncProducer producer = kafka.asyncProducer(a -> a.deliveryThreshold(threshold).maxQueueSize(threshold * 10)
          .producer(p -> settings(p, c).maxBufferSize(threshold * 10).maxBufferBytesize(Long.MAX_VALUE)));
      byte[][] values = Payloads.values(c.recordBytes(), 1024);
      byte[][] keys = ProducerCase.keys();
      return new Session() {
        @Override
        public void run() {
          for (int i = 0; i < c.records(); i++) {
            while (true) {
              try {
                producer.produce(topic, values[i & 1023], options(c, keys, i));
                break;
              } catch (BufferOverflow full) {
                LockSupport.parkNanos(50_000);
              }
            }
          }
          int left = producer.flush(Duration.ofSeconds(60));
          if (left != 0) {
            throw new IllegalStateException(left + " messages were not delivered within 60 s");
          }
        }

        @Override
        public void close() {
          producer.shutdown(Duration.ofSeconds(10));
        }
      };
    };
  }

  /** One message at a time, each acknowledged before the next: {@code kafka.deliverMessage}. */
  static Session.Opener deliverMessage(Gregor kafka, ProducerCase c) {
    return topic -> {
      byte[][] values = Payloads.values(c.recordBytes(), 1024);
      return session(() -> {
        for (int i = 0; i < c.records(); i++) {
          kafka.deliverMessage(topic, values[i & 1023], Produce.options());
        }
      });
    };
  }

  private static ProducerSettings.Builder settings(ProducerSettings.Builder p, ProducerCase c) {
    return p.acks(c.acks()).compression(c.codec());
  }

  private static Produce options(ProducerCase c, byte[][] keys, int i) {
    return c.keyed() ? Produce.options().withKey(keys[i & 1023]) : Produce.options();
  }

  private static Session session(Session.Work work) {
    return new Session() {
      @Override
      public void run() throws Exception {
        work.run();
      }

      @Override
      public void close() {
      }
    };
  }
}
