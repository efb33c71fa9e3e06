package dev.gregor.metrics;

import dev.gregor.client.Gregor;
import dev.gregor.client.KafkaMetrics;
import dev.gregor.client.NotificationSubscription;
import dev.gregor.metrics.internal.EventMeters;
import dev.gregor.metrics.internal.ModuleEventMeters;
import dev.gregor.metrics.internal.KafkaClientMeters;
import dev.gregor.metrics.internal.MeterNames;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Micrometer binder for one {@link Gregor} client: meters from its notifications (delivery,
 * buffer, processing, lag, rebalances, commits) and kafka-clients' own metrics (requests per
 * broker, record-send-rate, retries, fetch lag…), for any registry — Prometheus, Datadog, JMX….
 *
 * <pre>{@code
 * try (GregorMetrics metrics = GregorMetrics.of(kafka)) {
 *   metrics.bindTo(prometheusRegistry);
 *   ...
 * }
 * }</pre>
 *
 * Closing it unsubscribes and removes the meters it registered.
 */
public final class GregorMetrics implements MeterBinder, AutoCloseable {
  private final Gregor kafka;
  private final Tags tags;
  private final boolean events;
  private final boolean kafkaClientMetrics;
  private final List<Runnable> unbinds = new ArrayList<>();

  private GregorMetrics(Builder builder) {
    this.kafka = builder.kafka;
    this.tags = builder.tags;
    this.events = builder.events;
    this.kafkaClientMetrics = builder.kafkaClientMetrics;
  }

  /** A binder with every meter on and no extra tags. */
  public static GregorMetrics of(Gregor kafka) {
    return builder(kafka).build();
  }

  /** Starts configuring the meters of {@code kafka}. */
  public static Builder builder(Gregor kafka) {
    return new Builder(kafka);
  }

  /** Starts recording into {@code registry}; may be called for several registries. */
  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    if (events) {
      EventMeters meters = new EventMeters(registry, tags, kafka.config().clientId());
      NotificationSubscription subscription = kafka.notifications().subscribe(EventMeters.EVENTS, meters);
      // One call per message on the consumer's thread: a notification per message cost most of a fast consumer.
      NotificationSubscription hook = kafka.notifications().hook(meters);
      Meter dropped;
      try {
        dropped = FunctionCounter.builder(MeterNames.NOTIFICATIONS_DROPPED, subscription, NotificationSubscription::dropped)
            .tags(tags.and("client", kafka.config().clientId()))
            .description("Notifications the metrics listener lost because it fell behind; event meters undercount by this much")
            .register(registry);
      } catch (RuntimeException e) {
        subscription.close(); // a registry that refuses meters fails the binding, and leaves nothing subscribed
        hook.close();
        throw e;
      }
      ModuleEventMeters moduleMeters = new ModuleEventMeters(registry, tags);
      NotificationSubscription moduleSubscription = kafka.notifications().subscribe(ModuleEventMeters.EVENTS, moduleMeters);
      unbinds.add(() -> {
        subscription.close();
        hook.close();
        moduleSubscription.close();
        meters.removeMeters();
        moduleMeters.removeMeters();
        registry.remove(dropped);
      });
    }
    if (kafkaClientMetrics) {
      KafkaClientMeters meters = new KafkaClientMeters(registry, tags);
      KafkaMetrics.Watch watch = kafka.kafkaMetrics().watch(meters);
      unbinds.add(() -> {
        watch.close();
        meters.removeMeters();
      });
    }
  }

  /** Stops recording and removes this binder's meters from every registry it was bound to. */
  @Override
  public synchronized void close() {
    unbinds.forEach(Runnable::run);
    unbinds.clear();
  }

  /** Which meters to bind, and tags to add to all of them. */
  public static final class Builder {
    private final Gregor kafka;
    private Tags tags = Tags.empty();
    private boolean events = true;
    private boolean kafkaClientMetrics = true;

    private Builder(Gregor kafka) {
      this.kafka = kafka;
    }

    /** Tags added to every meter, e.g. {@code Tags.of("app", "billing")}. */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = Tags.of(tags);
      return this;
    }

    /** Whether to record meters from notifications (default true); off, nothing subscribes and no event is built. */
    public Builder events(boolean events) {
      this.events = events;
      return this;
    }

    /** Whether to bind kafka-clients' own metrics (default true). */
    public Builder kafkaClientMetrics(boolean kafkaClientMetrics) {
      this.kafkaClientMetrics = kafkaClientMetrics;
      return this;
    }

    /** The binder, or an {@link IllegalArgumentException} naming the bad setting. */
    public GregorMetrics build() {
      if (kafka == null) {
        throw new IllegalArgumentException("kafka must be a connected Gregor client, was null");
      }
      if (!events && !kafkaClientMetrics) {
        throw new IllegalArgumentException("events and kafkaClientMetrics are both off: the binder would record nothing");
      }
      return new GregorMetrics(this);
    }
  }
}
