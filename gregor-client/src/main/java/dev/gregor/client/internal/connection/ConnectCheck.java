package dev.gregor.client.internal.connection;

import dev.gregor.client.Config;
import dev.gregor.client.ConnectionFailed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First asks every seed for its API versions by hand ({@link ApiVersionsProbe}), so a port that
 * is not Kafka fails at once, named, before kafka-clients can misread its bytes as a message size.
 * Then connects once for the cluster id; when no answer came within half a second, a
 * {@link ListenerProbe} finds out what the seed port speaks, and a protocol mismatch fails at
 * once with its cause, where kafka-clients alone would retry silently until the timeout. Any
 * other failure is named from kafka-clients' error.
 */
public final class ConnectCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectCheck.class);
  private static final long PROBE_AFTER_MS = 500;

  private ConnectCheck() {}

  /** The cluster's id, and the admin client that asked for it, open: the client's one admin client from then on. */
  public record Connected(String clusterId, Admin admin) {}

  /** Connects with {@code clientProperties} (an admin client's), or throws {@link ConnectionFailed} naming why. */
  public static Connected connect(Config config, Map<String, Object> clientProperties) {
    long timeout = config.connectTimeout().toMillis();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
    String protocol = String.valueOf(clientProperties.getOrDefault("security.protocol", "PLAINTEXT"));
    if (protocol.equals("SASL_PLAINTEXT") && config.sasl() != null) {
      LOG.warn("SASL {} without TLS (saslOverSsl=false): credentials and data travel unencrypted to {}",
          config.sasl().mechanism().kafkaName(), config.seedBrokers());
    }
    String notKafka = notKafka(config.seedBrokers(), protocol, probeTimeout(timeout));
    if (notKafka != null) {
      throw new ConnectionFailed("Could not connect to " + config.seedBrokers() + ": " + notKafka, null);
    }
    timeout = Math.max(1, remaining(deadline));
    Admin admin;
    try {
      admin = Admin.create(clientProperties);
    } catch (KafkaException e) {
      throw failed(config, ConnectDiagnosis.ofLogin(e, config), e);
    }
    CompletableFuture<ListenerKind> kind = new CompletableFuture<>();
    Connected connected = null;
    try {
      CompletableFuture<String> clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
          .clusterId().toCompletionStage().toCompletableFuture();
      try {
        connected = new Connected(clusterId.get(Math.min(PROBE_AFTER_MS, timeout / 4), TimeUnit.MILLISECONDS), admin);
        return connected;
      } catch (TimeoutException slow) {
        // Only a connect that is slow to answer gets its port probed; a healthy one never sees the probe.
        int probeTimeout = probeTimeout(timeout);
        CompletableFuture.supplyAsync(() -> ListenerProbe.probe(config.seedBrokers(), probeTimeout), ConnectCheck::daemon)
            .whenComplete((found, error) -> kind.complete(found));
      }
      CompletableFuture.anyOf(clusterId, kind).get(remaining(deadline) + 1_000, TimeUnit.MILLISECONDS);
      if (!clusterId.isDone() && kind.join() != null) {
        String mismatch = ConnectDiagnosis.mismatch(protocol, kind.join());
        if (mismatch != null) {
          throw failed(config, mismatch, null);
        }
      }
      connected = new Connected(clusterId.get(remaining(deadline) + 1_000, TimeUnit.MILLISECONDS), admin);
      return connected;
    } catch (ExecutionException e) {
      String reason = e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
          ? timedOut(kind.getNow(null), protocol) : ConnectDiagnosis.of(e.getCause(), config, protocol);
      throw failed(config, reason, e.getCause());
    } catch (TimeoutException e) {
      throw failed(config, timedOut(kind.getNow(null), protocol), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(config, "interrupted", e);
    } finally {
      if (connected == null) {
        admin.close(Duration.ZERO); // a pending call must not hold the failure back until its own timeout
      }
    }
  }

  /**
   * Why a seed is not a Kafka listener this client can talk to, or null when none was found to be
   * one (a silent or unreachable seed is left to kafka-clients' own attempt, which cannot misread it).
   */
  private static String notKafka(List<String> seeds, String protocol, int probeTimeout) {
    FirstAnswer answer = ApiVersionsProbe.firstMismatch(seeds, protocol.endsWith("SSL"), probeTimeout);
    if (answer == null) {
      return null;
    }
    if (answer.verdict() == FirstAnswer.Verdict.NOT_KAFKA) {
      return answer.address() + " " + answer.description() + "; check the host and port";
    }
    // A closed connection or a TLS record: a TLS listener answers a plaintext request so; say which it is.
    String mismatch = ConnectDiagnosis.mismatch(protocol, ListenerProbe.probe(List.of(answer.address()), probeTimeout));
    if (mismatch != null) {
      return mismatch;
    }
    return answer.verdict() == FirstAnswer.Verdict.CLOSED
        ? answer.address() + " closed the connection without answering Kafka's ApiVersions request: it is not a Kafka "
            + "listener, or it refuses this client (a connection limit); check the host and port"
        : answer.address() + " " + answer.description() + "; check the host and port";
  }

  private static int probeTimeout(long timeout) {
    return (int) Math.max(200, Math.min(2_000, timeout / 3));
  }

  private static String timedOut(ListenerKind kind, String protocol) {
    return kind != null && !kind.reachable()
        ? "no seed broker accepted a TCP connection (refused or unreachable); check the addresses and that the brokers run"
        : "no answer in time; check the addresses and that security.protocol (" + protocol + ") matches the listener";
  }

  private static long remaining(long deadline) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private static void daemon(Runnable probe) {
    Thread thread = new Thread(probe, "gregor-connect-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private static ConnectionFailed failed(Config config, String reason, Throwable cause) {
    return new ConnectionFailed("Could not connect to " + config.seedBrokers() + " within "
        + config.connectTimeout().toMillis() + " ms: " + reason, cause);
  }
}
