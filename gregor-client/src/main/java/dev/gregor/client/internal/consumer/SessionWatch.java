package dev.gregor.client.internal.consumer;

import dev.gregor.client.ConsumerSettings;
import dev.gregor.client.GroupProtocol;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this member can still be in its group. kafka-clients (classic protocol) goes on
 * fetching and handing out records while its coordinator does not answer, also after the group
 * expired the member and gave its partitions to another, until an answer tells it so: a zombie
 * repeating records the new owner already committed. The group expires a member a session
 * timeout after the last heartbeat it received, so a member that saw no heartbeat or join
 * answered for its session timeout less one heartbeat interval (the margin for the answer's
 * latency), or whose commit the group refused, hands out nothing more until the group answers.
 * kafka-clients' {@code last-heartbeat-seconds-ago} cannot tell this: it counts from the last
 * heartbeat sent, and heartbeats go on being sent into a connection that never answers.
 */
final class SessionWatch {
  private static final Logger LOG = LoggerFactory.getLogger(SessionWatch.class);

  private final String groupId;
  private final boolean enabled;
  private final long windowNanos;
  private final Metric heartbeats;
  private final Metric syncs;
  private double heartbeatsSeen;
  private double syncsSeen;
  private long sampledNanos = System.nanoTime();
  private volatile long answeredNanos;
  /**
   * Whether the window since the last answer has passed. Set at each poll, and between polls by a
   * check on the JDK's delay thread at the instant the window ends, so that {@link #current()},
   * asked once per record, reads a field instead of the clock (30-40 ns a read on some virtual
   * machines, a tenth of a record's cost). The check may run a few milliseconds late, well within
   * the heartbeat interval the window leaves as margin.
   */
  private volatile boolean expired;
  /** Whether a check is scheduled; guarded by this. */
  private boolean checking;
  private boolean joined;
  private boolean refused;
  private boolean holding;

  SessionWatch(KafkaConsumer<byte[], byte[]> consumer, String groupId, ConsumerSettings settings) {
    this.groupId = groupId;
    this.heartbeats = metric(consumer, "heartbeat-total");
    this.syncs = metric(consumer, "sync-total");
    // Under KIP-848 the session timeout is the broker's, unknown here; only the classic one is the member's own.
    this.enabled = settings.groupProtocol() == GroupProtocol.CLASSIC && heartbeats != null && syncs != null;
    this.windowNanos = settings.sessionTimeout().minus(settings.heartbeatInterval()).toNanos();
  }

  /**
   * Just before each poll. A heartbeat answer counts only here: one that expels the member (it
   * too is counted) is acted on by kafka-clients in the poll that follows, before it fetches.
   */
  void beforePoll() {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    double heartbeatTotal = total(heartbeats);
    if (heartbeatTotal > heartbeatsSeen && !refused) {
      answered(sampledNanos); // answered after the last sample, so asked no earlier than one latency before it
    }
    heartbeatsSeen = heartbeatTotal;
    afterPoll();
    sampledNanos = now;
    if (windowLeftAt(now) <= 0) {
      expired = true; // exact at each poll, whenever the delayed check runs
    }
    if (current() == holding) {
      holding = !holding;
      if (holding) {
        LOG.warn("Group '{}' has not answered this member for {} ms{}; it may have given the member's partitions to "
                + "another, so fetched messages are held back (to be fetched again) until it answers", groupId,
            (now - answeredNanos) / 1_000_000, refused ? " and refused its commit" : "");
      } else {
        LOG.info("Group '{}' answers this member again; handing out fetched messages", groupId);
      }
    }
  }

  /** After each poll: a successful join (only successes are counted) renews the session at once. */
  void afterPoll() {
    if (!enabled) {
      return;
    }
    double syncTotal = total(syncs);
    if (syncTotal > syncsSeen) {
      joined = true;
      refused = false;
      answered(sampledNanos);
      syncsSeen = syncTotal;
    }
  }

  /** The group refused a commit: it no longer counts this member in (until it joins again). */
  void refused() {
    refused = true;
  }

  /** Whether the group can still count this member in (or it never joined: then it has nothing to hand out). */
  boolean current() {
    return !enabled || !joined || !refused && !expired;
  }

  /** The group answered at {@code nanos}: the window runs from then, and a check is scheduled for its end. */
  private synchronized void answered(long nanos) {
    answeredNanos = nanos;
    long left = windowLeftAt(System.nanoTime());
    expired = left <= 0;
    if (!expired && !checking) {
      checking = true;
      checkIn(left);
    }
  }

  /** On the delay thread: the window has ended unless an answer moved it, then check again at its new end. */
  private synchronized void check() {
    long left = windowLeftAt(System.nanoTime());
    if (left <= 0) {
      expired = true;
      checking = false;
    } else {
      checkIn(left);
    }
  }

  /** How long the window since the last answer still runs at {@code now}; 0 or less once it has ended. */
  private long windowLeftAt(long now) {
    return answeredNanos + windowNanos - now;
  }

  private void checkIn(long nanos) {
    // The task runs on the delay thread itself: it only compares and writes two fields.
    CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, Runnable::run).execute(this::check);
  }

  private static double total(Metric metric) {
    return ((Number) metric.metricValue()).doubleValue();
  }

  /** kafka-clients' coordinator metric, created with the consumer; null if this version has none (the check is then off). */
  private static Metric metric(KafkaConsumer<byte[], byte[]> consumer, String name) {
    for (Map.Entry<MetricName, ? extends Metric> entry : consumer.metrics().entrySet()) {
      if (entry.getKey().name().equals(name) && entry.getKey().group().equals("consumer-coordinator-metrics")) {
        return entry.getValue();
      }
    }
    return null;
  }
}
