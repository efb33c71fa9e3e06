package dev.gregor.client;

/** A process that consumes until the JVM is told to stop (SIGTERM), for {@link ShutdownTest}. */
public final class ShutdownConsumerMain {
  private ShutdownConsumerMain() {}

  public static void main(String[] args) {
    String bootstrap = args[0];
    String topic = args[1];
    String group = args[2];
    Gregor gregor = Gregor.connect(bootstrap);
    // stopOnShutdown is on by default; no timer commits, so only the graceful stop can commit.
    GroupConsumer consumer = gregor.consumer(group, c -> c.offsetCommitInterval(java.time.Duration.ZERO));
    consumer.subscribe(topic);
    consumer.eachMessage(message -> {
      System.out.println("processed " + message.offset());
      System.out.flush();
    });
  }
}
