package dev.gregor.cli;

import dev.gregor.client.Consume;
import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.PendingMessage;
import dev.gregor.embedded.EmbeddedKafka;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads test topics with the client, to check what the CLI did without trusting the CLI. */
final class Topics {
  private Topics() {}

  /** Every message in {@code topic}, read from the beginning to the end. */
  static List<Message> read(EmbeddedKafka kafka, String topic) {
    List<Message> messages = new ArrayList<>();
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.eachMessage(topic, Consume.fromBeginning().exitAtEnd(), messages::add);
    }
    return messages;
  }

  static List<String> values(EmbeddedKafka kafka, String topic) {
    return read(kafka, topic).stream().map(Message::valueAsString).toList();
  }

  static void write(EmbeddedKafka kafka, List<PendingMessage> messages) {
    try (Gregor gregor = Gregor.connect(kafka.bootstrapServers())) {
      gregor.deliverMessages(messages);
    }
  }
}
