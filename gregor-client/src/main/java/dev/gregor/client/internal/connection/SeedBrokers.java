package dev.gregor.client.internal.connection;

import java.util.ArrayList;
import java.util.List;

/** Parses seed brokers as ruby-kafka accepts them: {@code host:port}, {@code kafka://…}, {@code kafka+ssl://…}. */
public record SeedBrokers(List<String> addresses, boolean ssl) {

  public static SeedBrokers parse(List<String> entries) {
    List<String> addresses = new ArrayList<>();
    boolean ssl = false;
    boolean plain = false;
    for (String entry : entries) {
      for (String raw : entry.split(",")) {
        String address = raw.trim();
        if (address.isEmpty()) {
          continue;
        }
        if (address.startsWith("kafka+ssl://")) {
          ssl = true;
          address = address.substring("kafka+ssl://".length());
        } else if (address.startsWith("kafka://")) {
          plain = true;
          address = address.substring("kafka://".length());
        } else if (address.contains("://")) {
          throw new IllegalArgumentException("seed broker '" + raw.trim()
              + "' has an unknown scheme; use host:port, kafka://host:port or kafka+ssl://host:port");
        }
        addresses.add(checkHostPort(raw.trim(), address));
      }
    }
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("seedBrokers must name at least one broker as host:port");
    }
    if (ssl && plain) {
      throw new IllegalArgumentException("seed brokers mix kafka:// and kafka+ssl://; a client uses one protocol for all brokers");
    }
    return new SeedBrokers(List.copyOf(addresses), ssl);
  }

  private static String checkHostPort(String original, String address) {
    if (address.endsWith("/")) {
      address = address.substring(0, address.length() - 1);
    }
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? "" : address.substring(0, colon);
    String port = colon < 0 ? "" : address.substring(colon + 1);
    if (host.isEmpty() || port.isEmpty()) {
      throw new IllegalArgumentException("seed broker '" + original + "' must be host:port, for example localhost:9092");
    }
    if (host.startsWith("[") != host.endsWith("]") || (host.contains(":") && !host.startsWith("["))) {
      throw new IllegalArgumentException("seed broker '" + original + "' has a malformed host; write IPv6 addresses as [::1]:9092");
    }
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("seed broker '" + original + "' has a port that is not a number: '" + port + "'");
    }
    if (number < 1 || number > 65535) {
      throw new IllegalArgumentException("seed broker '" + original + "' has port " + number + ", outside 1-65535");
    }
    return host + ":" + number;
  }
}
