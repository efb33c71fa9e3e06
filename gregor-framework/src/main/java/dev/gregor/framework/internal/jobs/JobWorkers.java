package dev.gregor.framework.internal.jobs;

import dev.gregor.client.ErrorPolicy;
import dev.gregor.client.GroupConsumer;
import dev.gregor.client.Gregor;
import dev.gregor.client.HandlerFailure;
import dev.gregor.client.Message;
import dev.gregor.client.QueueConsumer;
import dev.gregor.framework.Settings;
import dev.gregor.framework.internal.ClientConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's job workers (the seed's {@code karafka worker}): threads reading the jobs topics with
 * a share group (KIP-932: more workers than partitions, per-job accept / release / reject), or,
 * where the cluster has no share groups, with an ordinary consumer group that retries in place.
 */
public final class JobWorkers {
  private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
  /** Attempts per job, the broker's default share-group delivery limit. */
  static final int ATTEMPTS = 5;

  private final List<Runnable> stops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final String mode;

  public JobWorkers(Gregor client, Settings settings, JobPerformer performer, List<String> queues, int concurrency,
      Consumer<Throwable> onFatal) {
    Map<String, String> byKafkaName = new java.util.LinkedHashMap<>();
    queues.forEach(q -> byKafkaName.put(settings.topicMapper().outgoing(q), q));
    String[] topics = byKafkaName.keySet().toArray(String[]::new);
    String group = settings.name() + "_workers";
    boolean shareGroups = client.cluster().features().finalizedLevels().getOrDefault("share.version", (short) 0) > 0;
    this.mode = shareGroups ? "share group '" + group + "'" : "consumer group '" + group + "'";
    LOG.info("Workers of app '{}' read {} with {} ({} thread(s)){}", settings.name(), queues, mode, concurrency,
        shareGroups ? "" : ": this cluster has no share groups (share.version is not enabled), so jobs retry in place");
    for (int i = 1; i <= concurrency; i++) {
      Runnable body;
      if (shareGroups) {
        QueueConsumer queue = client.queue(group, q -> q.startFromBeginning(true).maxDeliveries(ATTEMPTS));
        queue.subscribe(topics);
        stops.add(queue::stop);
        body = () -> queue.eachMessage(job -> performer.perform(job.message(), job.deliveryCount(),
            job.deliveryCount() >= ATTEMPTS, byKafkaName.get(job.message().topic())));
      } else {
        GroupConsumer consumer = client.consumer(group, c -> {
          ClientConfigs.consumer(settings, c);
          c.automaticallyMarkAsProcessed(true).errorPolicy(retryThenSkip());
        });
        consumer.subscribe(true, topics);
        stops.add(consumer::stop);
        body = () -> consumer.eachMessage(new InPlaceRetries(performer, byKafkaName));
      }
      threads.add(new Thread(() -> {
        try {
          body.run();
        } catch (RuntimeException e) {
          onFatal.accept(e);
        }
      }, "gregor-" + settings.name() + "-worker-" + i));
    }
  }

  /** Retries in place as a share group would redeliver, then gives the job up. */
  private static ErrorPolicy retryThenSkip() {
    return ErrorPolicy.retry(ATTEMPTS, Duration.ofMillis(200), Duration.ofSeconds(5),
        ErrorPolicy.skip((HandlerFailure failure) -> LOG.warn("Gave up job at {}/{}@{} after {} attempts",
            failure.topic(), failure.partition(), failure.offset(), failure.attempt())));
  }

  /** Counts attempts per job for the ordinary-consumer-group mode, so the last one calls afterFailure. */
  private static final class InPlaceRetries implements dev.gregor.client.MessageHandler {
    private final JobPerformer performer;
    private final Map<String, String> queues;
    private long offset = -1;
    private String topicPartition = "";
    private int attempt;

    InPlaceRetries(JobPerformer performer, Map<String, String> queues) {
      this.performer = performer;
      this.queues = queues;
    }

    @Override
    public void handle(Message message) throws Exception {
      String where = message.topic() + "/" + message.partition();
      attempt = where.equals(topicPartition) && message.offset() == offset ? attempt + 1 : 1;
      topicPartition = where;
      offset = message.offset();
      performer.perform(message, attempt, attempt >= ATTEMPTS, queues.get(message.topic()));
    }
  }

  public String mode() {
    return mode;
  }

  public void start() {
    threads.forEach(Thread::start);
  }

  /** Stops every worker (each finishes its job and acknowledges) and waits up to {@code timeout} for each. */
  public void stop(Duration timeout) {
    stops.forEach(Runnable::run);
    for (Thread thread : threads) {
      try {
        thread.join(timeout.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
