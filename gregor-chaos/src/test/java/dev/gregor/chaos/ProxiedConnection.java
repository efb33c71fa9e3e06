package dev.gregor.chaos;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * One client connection through the {@link FaultyProxy}: frames are read whole (Kafka's 4-byte
 * size prefix), requests' api keys remembered by correlation id so metadata responses can be
 * rewritten, and every frame written by a per-direction scheduler that applies the delay.
 */
final class ProxiedConnection {
  private record Api(ApiKeys key, short version) {}

  private static final Set<ApiKeys> COORDINATOR_APIS = EnumSet.of(ApiKeys.JOIN_GROUP,
      ApiKeys.SYNC_GROUP, ApiKeys.HEARTBEAT, ApiKeys.LEAVE_GROUP, ApiKeys.OFFSET_COMMIT, ApiKeys.OFFSET_FETCH,
      ApiKeys.CONSUMER_GROUP_HEARTBEAT);

  private final FaultyProxy proxy;
  private final SocketChannel client;
  private final SocketChannel broker;
  private final AddressRewrite rewrite;
  private final Map<Integer, Api> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService toBroker = writer("to-broker");
  private final ScheduledExecutorService toClient = writer("to-client");
  private volatile boolean silenced;
  private long lastDueToBroker;
  private long lastDueToClient;

  ProxiedConnection(FaultyProxy proxy, SocketChannel client, SocketChannel broker, AddressRewrite rewrite) {
    this.proxy = proxy;
    this.client = client;
    this.broker = broker;
    this.rewrite = rewrite;
  }

  void start() {
    daemon(this::pumpRequests, "chaos-proxy-requests").start();
    daemon(this::pumpResponses, "chaos-proxy-responses").start();
  }

  void silence() {
    silenced = true;
  }

  /** Closes with SO_LINGER 0, so the client's next read or write fails with a connection reset. */
  void reset() {
    try {
      client.setOption(StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException | RuntimeException e) {
      // Already closed.
    }
    close();
  }

  private void pumpRequests() {
    try {
      while (true) {
        ByteBuffer frame = readFrame(client);
        RequestHeader header = RequestHeader.parse(frame.duplicate());
        if (AddressRewrite.concerns(header.apiKey())) {
          pending.put(header.correlationId(), new Api(header.apiKey(), header.apiVersion()));
        }
        if (proxy.coordinatorSilent() && COORDINATOR_APIS.contains(header.apiKey())) {
          silenced = true;
        }
        lastDueToBroker = forward(frame, broker, toBroker, lastDueToBroker);
      }
    } catch (IOException | RuntimeException e) {
      close();
    }
  }

  private void pumpResponses() {
    try {
      while (true) {
        ByteBuffer frame = readFrame(broker);
        Api api = pending.remove(frame.getInt(frame.position()));
        if (api != null) {
          frame = rewrite.rewrite(frame, api.key(), api.version());
        }
        lastDueToClient = forward(frame, client, toClient, lastDueToClient);
      }
    } catch (IOException | RuntimeException e) {
      close();
    }
  }

  /** Schedules the frame no earlier than the one before it, so a shorter delay never reorders bytes. */
  private long forward(ByteBuffer frame, SocketChannel to, ScheduledExecutorService writer, long lastDue) {
    if (silenced) {
      return lastDue;
    }
    long due = Math.max(System.nanoTime() + proxy.delayNanos(), lastDue);
    ByteBuffer out = ByteBuffer.allocate(4 + frame.remaining()).putInt(frame.remaining()).put(frame).flip();
    writer.schedule(() -> write(out, to), due - System.nanoTime(), TimeUnit.NANOSECONDS);
    return due;
  }

  private void write(ByteBuffer out, SocketChannel to) {
    try {
      if (!silenced) {
        while (out.hasRemaining()) {
          to.write(out);
        }
      }
    } catch (IOException e) {
      close();
    }
  }

  private static ByteBuffer readFrame(SocketChannel from) throws IOException {
    ByteBuffer size = ByteBuffer.allocate(4);
    fill(from, size);
    ByteBuffer frame = ByteBuffer.allocate(size.flip().getInt());
    fill(from, frame);
    return frame.flip();
  }

  private static void fill(SocketChannel from, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (from.read(buffer) < 0) {
        throw new IOException("closed");
      }
    }
  }

  private void close() {
    proxy.closed(this);
    toBroker.shutdownNow();
    toClient.shutdownNow();
    try {
      client.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    try {
      broker.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }

  private static ScheduledExecutorService writer(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "chaos-proxy-" + name));
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
