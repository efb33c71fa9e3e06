package dev.gregor.spring;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gregor.*} properties. They are mapped onto {@code Config.builder()} and {@code App.builder()}, whose
 * checks run when the context starts: a bad value fails the start with a message naming its property. A property
 * left out keeps the builder's default.
 *
 * @param bootstrapServers seed brokers of the client and the app, {@code host:port} ({@code localhost:9092} by default)
 * @param client kafka-clients properties passed through to the client and the app; unknown names are refused
 * @param clientId the client bean's Kafka client id ({@code gregor} by default)
 * @param connectTimeout how long connecting may take, for the client and the app (10 s by default)
 * @param deliveryTimeout how long one delivery of the client may take (30 s by default)
 * @param adminTimeout how long one admin call of the client may take (30 s by default)
 * @param app the framework app's properties ({@code gregor.app.*})
 */
@ConfigurationProperties("gregor")
public record GregorProperties(
    @DefaultValue("localhost:9092") List<String> bootstrapServers,
    @Nullable String clientId,
    @Nullable Duration connectTimeout,
    @Nullable Duration deliveryTimeout,
    @Nullable Duration adminTimeout,
    @DefaultValue Map<String, String> client,
    @DefaultValue AppProperties app) {

  /**
   * The {@code gregor.app.*} properties of the framework app, made when a {@link GregorRoutes} bean exists.
   *
   * @param enabled whether to make the app at all (true by default)
   * @param name the app's name, which names its consumer groups ({@code spring.application.name} by default)
   * @param concurrency threads performing controllers (the CPU count, at least 2, by default)
   * @param workers job worker threads started with the app, for routes not in inline mode (0 by default)
   * @param shutdownTimeout how long stopping waits for work in progress (30 s by default)
   * @param stallTimeout how long one message may run before it is reported stalled (1 min by default)
   * @param sessionTimeout the consumer groups' session timeout (30 s by default)
   * @param heartbeatInterval the consumer groups' heartbeat interval (3 s by default)
   * @param offsetCommitInterval how often processed offsets are committed (10 s by default)
   * @param offsetCommitThreshold commit after this many processed messages too (0, interval only, by default)
   * @param startFromBeginning where a new group starts: the beginning (true by default) or the end
   * @param inlineMode whether controllers perform in this process (true by default) or enqueue jobs
   * @param batchMode whether controllers get whole batches (false by default)
   * @param topicPrefix a prefix of Kafka's topic names, as {@code TopicMapper.prefix} (none by default)
   * @param reporting whether the app's processes publish reports and obey commands, for the dashboard (false by default)
   * @param reportsTopic where reports go ({@code gregor_reports} by default)
   * @param commandsTopic where commands come from ({@code gregor_commands} by default)
   * @param reportInterval how often a process reports (5 s by default)
   */
  public record AppProperties(
      @DefaultValue("true") boolean enabled,
      @Nullable String name,
      @Nullable Integer concurrency,
      @DefaultValue("0") int workers,
      @Nullable Duration shutdownTimeout,
      @Nullable Duration stallTimeout,
      @Nullable Duration sessionTimeout,
      @Nullable Duration heartbeatInterval,
      @Nullable Duration offsetCommitInterval,
      @Nullable Integer offsetCommitThreshold,
      @Nullable Boolean startFromBeginning,
      @Nullable Boolean inlineMode,
      @Nullable Boolean batchMode,
      @Nullable String topicPrefix,
      @Nullable Boolean reporting,
      @Nullable String reportsTopic,
      @Nullable String commandsTopic,
      @Nullable Duration reportInterval) {}
}
