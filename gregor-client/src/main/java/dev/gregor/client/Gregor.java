package dev.gregor.client;

import dev.gregor.client.internal.admin.ClusterAdmin;
import dev.gregor.client.internal.admin.ClusterProbe;
import dev.gregor.client.internal.connection.ConnectCheck;
import dev.gregor.client.internal.consumer.Fetcher;
import dev.gregor.client.internal.consumer.SimpleConsumer;
import dev.gregor.client.internal.events.NotificationBus;
import dev.gregor.client.internal.lifecycle.ClientScope;
import dev.gregor.client.internal.names.TopicNames;
import dev.gregor.client.internal.producer.BatchSender;
import dev.gregor.client.internal.producer.BufferDelivery;
import dev.gregor.client.internal.producer.MessageBuffer;
import dev.gregor.client.internal.producer.ProducerEvents;
import dev.gregor.client.internal.producer.SingleDelivery;
import dev.gregor.client.internal.producer.TopicLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.jspecify.annotations.Nullable;

/**
 * A connection to a Kafka cluster, and the entry point to everything Gregor does with it.
 * Thread-safe; create one per cluster and close it when done.
 *
 * <pre>{@code
 * try (Gregor kafka = Gregor.connect("localhost:9092")) {
 *   kafka.deliverMessage("greetings", "Hello, World!");
 *   kafka.deliverMessage("greetings", "Hello, World!", Produce.partitionKey("hello"));
 * }
 * }</pre>
 */
public final class Gregor implements AutoCloseable {
  private final Config config;
  private final String clusterId;
  private final SingleDelivery singleDelivery;
  private @Nullable BatchSender batchSender;
  private final ClusterAdmin admin;
  private final TopicLimits topicLimits;
  private final NotificationBus bus;
  private final Notifications notifications;
  private final ProducerEvents producerEvents;
  private final ClientScope scope;

  private Gregor(Config config) {
    this.config = config;
    ConnectCheck.Connected connected = ClusterProbe.connect(config);
    this.clusterId = connected.clusterId();
    this.admin = new ClusterAdmin(config, connected.admin());
    this.scope = new ClientScope(config.seedBrokers());
    this.bus = new NotificationBus(config.clientId());
    this.notifications = new Notifications(bus);
    this.producerEvents = new ProducerEvents(bus);
    this.topicLimits = new TopicLimits(admin, config);
    this.singleDelivery = new SingleDelivery(config, producerEvents, topicLimits);
  }

  /** This client's instrumentation: ruby-kafka's notifications and KafkaEx-style spans. */
  public Notifications notifications() {
    return notifications;
  }

  /** Connects to the seed brokers ({@code host:port}, comma-separated) with default settings. */
  public static Gregor connect(String seedBrokers) {
    return connect(Config.builder().seedBrokers(seedBrokers).build());
  }

  /** Connects, failing with {@link ConnectionFailed} within {@link Config#connectTimeout()} if no seed broker answers. */
  public static Gregor connect(Config config) {
    return new Gregor(Objects.requireNonNull(config, "config"));
  }

  /** Writes one UTF-8 message and waits for Kafka to acknowledge it (ruby-kafka {@code deliver_message}). */
  public Delivered deliverMessage(String topic, @Nullable String value) {
    return deliverMessage(topic, value, Produce.options());
  }

  /** Writes one UTF-8 message with a key, partition, partition key, headers or create time, and waits for it. */
  public Delivered deliverMessage(String topic, @Nullable String value, Produce options) {
    return deliverMessage(topic, value == null ? null : value.getBytes(StandardCharsets.UTF_8), options);
  }

  /** Writes one message of raw bytes and waits for it; throws {@link DeliveryFailed} naming the topic and cause. */
  public Delivered deliverMessage(String topic, byte @Nullable [] value, Produce options) {
    requireOpen();
    return singleDelivery.deliver(new PendingMessage(Objects.requireNonNull(topic, "topic"), value,
        Objects.requireNonNull(options, "options")));
  }

  /**
   * Delivers a batch at once and waits for every acknowledgement (KafkaEx {@code produce}); returns
   * where each message went, in order. If any failed, throws {@link DeliveryFailed} listing exactly
   * those; the others are written.
   */
  public List<Delivered> deliverMessages(List<PendingMessage> messages) {
    requireOpen();
    MessageBuffer buffer = new MessageBuffer(Integer.MAX_VALUE, Long.MAX_VALUE, producerEvents);
    List<CompletableFuture<Delivered>> reports = new ArrayList<>();
    for (PendingMessage message : messages) {
      TopicNames.check(message.topic());
      reports.add(buffer.add(message).report());
    }
    DeliveryFailed failed = BufferDelivery.deliver(buffer, batchSender());
    if (failed != null) {
      throw failed;
    }
    return reports.stream().map(CompletableFuture::join).collect(Collectors.toList());
  }

  private synchronized BatchSender batchSender() {
    if (batchSender == null) {
      batchSender = new BatchSender(config, ProducerSettings.builder().build(), topicLimits);
    }
    return batchSender;
  }

  /** A buffered {@link Producer} with ruby-kafka's defaults (acks all, 1,000 messages / 10 MB of buffer). */
  public Producer producer() {
    return producer(settings -> { });
  }

  /** A buffered {@link Producer}: {@code kafka.producer(p -> p.compression(Compression.LZ4).maxBufferSize(5_000))}. */
  public Producer producer(Consumer<ProducerSettings.Builder> configure) {
    requireOpen();
    ProducerSettings.Builder builder = ProducerSettings.builder();
    configure.accept(builder);
    return new Producer(config, builder.build(), producerEvents, topicLimits, scope);
  }

  /** A thread-safe {@link AsyncProducer}: {@code kafka.asyncProducer(a -> a.deliveryThreshold(100))}. */
  public AsyncProducer asyncProducer(Consumer<AsyncProducerSettings.Builder> configure) {
    requireOpen();
    AsyncProducerSettings.Builder builder = AsyncProducerSettings.builder();
    configure.accept(builder);
    return new AsyncProducer(config, builder.build(), producerEvents, topicLimits, scope);
  }

  /** A {@link TransactionalProducer} for {@code transactionalId}, which must stay the same across restarts of one instance. */
  public TransactionalProducer transactionalProducer(String transactionalId) {
    return transactionalProducer(transactionalId, settings -> { });
  }

  /** A {@link TransactionalProducer} with settings (compression, partitioner, timeouts); acks is always all. */
  public TransactionalProducer transactionalProducer(String transactionalId, Consumer<ProducerSettings.Builder> configure) {
    requireOpen();
    ProducerSettings.Builder builder = ProducerSettings.builder();
    configure.accept(builder);
    return new TransactionalProducer(config, builder.build(), transactionalId, producerEvents, topicLimits, scope);
  }

  /** Reads one partition from {@code offset} with the broker's defaults: up to 1 MB, waiting at most 5 s for data. */
  public Fetch fetch(String topic, int partition, Offset offset) {
    return fetch(topic, partition, offset, 1, Duration.ofSeconds(5), 1024 * 1024);
  }

  /**
   * One fetch of one partition (KafkaEx {@code fetch}, ruby-kafka {@code fetch_messages}): the
   * broker answers once {@code minBytes} are available or {@code maxWait} passed, with at most
   * {@code maxBytes} (more when the first message alone is larger).
   */
  public Fetch fetch(String topic, int partition, Offset offset, int minBytes, Duration maxWait, int maxBytes) {
    requireOpen();
    return bus.start(ClientEvent.FETCH_MESSAGES, fetchPayload(topic, partition, offset)).around(
        () -> new Fetcher(config).fetch(topic, partition, Objects.requireNonNull(offset, "offset"), minBytes, maxWait, maxBytes),
        (span, fetch) -> span.with(EventKeys.MESSAGE_COUNT, fetch.messages().size())
            .with(EventKeys.HIGHWATER_MARK_OFFSET, fetch.highWatermark()));
  }

  private Map<String, Object> fetchPayload(String topic, int partition, Offset offset) {
    Map<String, Object> payload = bus.payload();
    payload.put(EventKeys.TOPIC, topic);
    payload.put(EventKeys.PARTITION, partition);
    payload.put(EventKeys.OFFSET, String.valueOf(offset));
    return payload;
  }

  /** The first offset still in the partition. */
  public long earliestOffset(String topic, int partition) {
    requireOpen();
    return admin.offset(topic, partition, OffsetSpec.earliest(), "the earliest offset");
  }

  /** The offset the next message written to the partition will get. */
  public long latestOffset(String topic, int partition) {
    requireOpen();
    return admin.offset(topic, partition, OffsetSpec.latest(), "the latest offset");
  }

  /** The first offset whose timestamp is at or after {@code time}; -1 if there is none. */
  public long offsetForTime(String topic, int partition, Instant time) {
    requireOpen();
    return admin.offsetForTime(topic, partition, Objects.requireNonNull(time, "time"));
  }

  /** How many partitions {@code topic} has (ruby-kafka {@code partitions_for}). */
  public int partitionsFor(String topic) {
    return topicMetadata(topic).partitions().size();
  }

  /** The topic's partitions with leaders, replicas and in-sync replicas; {@link UnknownTopic} if it does not exist. */
  public TopicMetadata topicMetadata(String topic) {
    requireOpen();
    TopicNames.check(topic);
    Map<String, Object> payload = bus.payload();
    payload.put(EventKeys.TOPIC, topic);
    return bus.start(ClientEvent.METADATA, payload).around(() -> admin.topic(topic));
  }

  /**
   * Several topics' partitions with leaders, replicas and in-sync replicas, from one request, by topic in the order
   * given; {@link UnknownTopic} naming the first that does not exist.
   */
  public Map<String, TopicMetadata> topicMetadata(Collection<String> topics) {
    requireOpen();
    List<String> names = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(topics, "topics")));
    names.forEach(TopicNames::check);
    return Collections.unmodifiableMap(bus.start(ClientEvent.METADATA, bus.payload()).around(() -> admin.topics(names)));
  }

  /** The cluster's id, brokers and active controller. */
  public ClusterMetadata clusterMetadata() {
    requireOpen();
    return bus.start(ClientEvent.METADATA, bus.payload()).around(admin::cluster);
  }

  /** Reads every partition of {@code topic} from the beginning, in this thread, without a group (ruby-kafka {@code each_message}). */
  public void eachMessage(String topic, MessageHandler handler) {
    eachMessage(topic, Consume.fromBeginning(), handler);
  }

  /**
   * Reads every partition of {@code topic} (or the partitions and offsets {@code options} names),
   * in this thread, without a consumer group or commits,
   * until the handler throws (as {@link ProcessingFailed}, naming topic, partition and offset), the thread is
   * interrupted, this client is closed, or — with {@link Consume#exitAtEnd()} — the end is reached.
   */
  public void eachMessage(String topic, Consume options, MessageHandler handler) {
    requireOpen();
    SimpleConsumer.run(config, topic, Objects.requireNonNull(options, "options"), Objects.requireNonNull(handler, "handler"),
        scope::isClosed, bus);
  }

  /** A member of consumer group {@code groupId} with ruby-kafka's defaults (commit every 10 s). */
  public GroupConsumer consumer(String groupId) {
    return consumer(groupId, settings -> { });
  }

  /** A member of consumer group {@code groupId}: {@code kafka.consumer("g", c -> c.offsetCommitThreshold(100))}. */
  public GroupConsumer consumer(String groupId, Consumer<ConsumerSettings.Builder> configure) {
    requireOpen();
    if (groupId == null || groupId.isBlank()) {
      throw new IllegalArgumentException("groupId must not be blank");
    }
    ConsumerSettings.Builder builder = ConsumerSettings.builder();
    configure.accept(builder);
    return new GroupConsumer(config, groupId, builder.build(), bus, scope);
  }

  /** A member of the queue (KIP-932 share group) {@code groupId}. */
  public QueueConsumer queue(String groupId, Consumer<QueueSettings.Builder> configure) {
    requireOpen();
    QueueSettings.Builder builder = QueueSettings.builder();
    configure.accept(builder);
    return new QueueConsumer(config, groupId, builder.build(), scope, bus);
  }

  /** Topic management: list, create, describe, add partitions, alter configs, delete. */
  public Topics topics() {
    requireOpen();
    return new Topics(admin, config.adminTimeout());
  }

  /** Consumer-group management: list, describe with lag, delete, reset offsets. */
  public Groups groups() {
    requireOpen();
    return new Groups(admin, config.adminTimeout());
  }

  /** The cluster's id, brokers, controller and features. */
  public Cluster cluster() {
    requireOpen();
    return new Cluster(admin, config.adminTimeout());
  }

  /** The id of the cluster this client connected to. */
  public String clusterId() {
    return clusterId;
  }

  /** kafka-clients' own metrics of every producer, consumer and admin client this client opens (for a Micrometer binder, say). */
  public KafkaMetrics kafkaMetrics() {
    return KafkaMetrics.of(config);
  }

  /** The configuration this client was connected with. */
  public Config config() {
    return config;
  }

  private void requireOpen() {
    scope.requireOpen();
  }

  /** {@link #close(Duration)} waiting at most the delivery timeout (default 30 s). */
  @Override
  public void close() {
    close(config.deliveryTimeout());
  }

  /**
   * Closes everything this client created, then its own connections: consumers and queues stop
   * (finishing the current message and committing), async producers deliver what they hold, and
   * producers close, all within {@code timeout}. Any later use of the client or of what it
   * created throws {@link IllegalStateException}. See "Closing" in docs/client.md.
   */
  public void close(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be zero or positive, was " + timeout);
    }
    scope.close(timeout);
    singleDelivery.close();
    admin.close();
    synchronized (this) {
      if (batchSender != null) {
        batchSender.close();
      }
    }
    bus.close();
  }
}
