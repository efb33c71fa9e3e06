package dev.gregor.chaos;

import dev.gregor.client.Config;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Gregor;
import dev.gregor.client.GroupProtocol;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A consumer-group member in its own JVM, so a scenario can SIGKILL it: it journals every
 * processed record and every commit to standard output, where {@link ChildConsumer} reads them.
 * Arguments: bootstrap servers, topic, group, member id, group protocol (CLASSIC or CONSUMER).
 */
public final class ChildConsumerMain {
  private ChildConsumerMain() {}

  public static void main(String[] args) {
    String bootstrap = args[0];
    String topic = args[1];
    String group = args[2];
    String member = args[3];
    GroupProtocol protocol = GroupProtocol.valueOf(args[4]);
    Journal journal = new Journal(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    CommitObserver.install(member, topic, journal);
    Gregor kafka = Gregor.connect(Config.builder().seedBrokers(bootstrap).clientId(member)
        .property(CommitObserver.PROPERTY, CommitObserver.class.getName()).build());
    GroupConsumer consumer = kafka.consumer(group, c -> c
        .offsetCommitThreshold(50)
        .offsetCommitInterval(Duration.ofSeconds(1))
        .sessionTimeout(Duration.ofSeconds(6))
        .heartbeatInterval(Duration.ofSeconds(1))
        .rebalanceTimeout(Duration.ofSeconds(20))
        .groupProtocol(protocol));
    consumer.subscribe(topic);
    consumer.eachMessage(message ->
        journal.processed(member, message.partition(), message.offset(), Sequenced.parse(message.value())));
    kafka.close();
  }
}
