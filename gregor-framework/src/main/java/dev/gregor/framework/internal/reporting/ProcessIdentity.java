package dev.gregor.framework.internal.reporting;

import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who publishes a report: {@code id} is {@code <host>:<pid>:<8 hex>}, the random part telling apart two starts
 * of one process id (containers often run as pid 1) and two apps in one JVM.
 */
public record ProcessIdentity(String id, String host, long pid, Instant startedAt) {
  public static ProcessIdentity create() {
    String host = hostName();
    long pid = ProcessHandle.current().pid();
    String random = String.format("%08x", ThreadLocalRandom.current().nextInt());
    return new ProcessIdentity(host + ":" + pid + ":" + random, host, pid, Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) { // no resolvable name (some containers): the report still needs one
      return "unknown-host";
    }
  }
}
