package dev.gregor.chaos;

import dev.gregor.client.Config;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.ConsumerSettings;
import dev.gregor.client.Gregor;
import java.util.function.Consumer;

/**
 * A consumer-group member in this JVM, on its own thread, recording what it processes and what its
 * group commits (through {@link CommitObserver}) in a {@link History}.
 */
final class GroupMember {
  private final String member;
  private final Gregor kafka;
  private final GroupConsumer consumer;
  private final Thread thread;
  private volatile Throwable failure;

  GroupMember(String bootstrap, String topic, String group, String member, History history,
              Consumer<ConsumerSettings.Builder> settings, Consumer<Config.Builder> config) {
    this.member = member;
    CommitObserver.install(member, topic, history);
    Config.Builder builder = Config.builder().seedBrokers(bootstrap).clientId(member)
        .property(CommitObserver.PROPERTY, CommitObserver.class.getName());
    config.accept(builder);
    this.kafka = Gregor.connect(builder.build());
    this.consumer = kafka.consumer(group, settings);
    consumer.subscribe(topic);
    this.thread = new Thread(() -> {
      try {
        consumer.eachMessage(message ->
            history.processed(member, message.partition(), message.offset(), Sequenced.parse(message.value())));
      } catch (Throwable t) {
        failure = t;
      }
    }, "chaos-" + member);
    thread.start();
  }

  /** What ended the consuming loop with an exception, or null. */
  Throwable failure() {
    return failure;
  }

  boolean running() {
    return thread.isAlive();
  }

  /** Stops consuming (commit, leave the group) and closes the client; bounded. */
  void stop() throws InterruptedException {
    consumer.stop();
    thread.join(60_000);
    if (thread.isAlive()) {
      throw new AssertionError("member " + member + " did not stop within 60 s");
    }
    kafka.close();
    CommitObserver.uninstall(member);
  }
}
