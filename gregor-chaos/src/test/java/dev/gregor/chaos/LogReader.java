package dev.gregor.chaos;

import dev.gregor.client.Config;
import dev.gregor.client.Consume;
import dev.gregor.client.Gregor;

/** Kafka's verifiable consumer in its simplest form: reads a whole topic once, without a group, into a History. */
final class LogReader {
  static final String MEMBER = "reader";

  private LogReader() {}

  /** Reads every partition from the beginning to its end; with {@code readCommitted}, only committed transactions. */
  static void readAll(String bootstrap, String topic, History history, boolean readCommitted) {
    Config.Builder config = Config.builder().seedBrokers(bootstrap).clientId("chaos-reader");
    if (readCommitted) {
      config.property("isolation.level", "read_committed");
    }
    try (Gregor kafka = Gregor.connect(config.build())) {
      kafka.eachMessage(topic, Consume.fromBeginning().exitAtEnd(), message ->
          history.processed(MEMBER, message.partition(), message.offset(), Sequenced.parse(message.value())));
    }
  }
}
