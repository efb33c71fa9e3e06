package dev.gregor.framework.internal;

import dev.gregor.framework.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings an environment overlay or a {@code GREGOR_*} variable may set, named as in the
 * seed's table ({@code kafka.session_timeout}); values are text, parsed here with errors naming the key.
 */
public final class SettingKeys {
  /** Keys starting with this are passed to kafka-clients: {@code kafka.client.max.poll.records=100}. */
  public static final String KAFKA_CLIENT = "kafka.client.";
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

  private final Map<String, BiConsumer<Settings.Builder, String>> keys = new LinkedHashMap<>();

  public SettingKeys() {
    keys.put("name", Settings.Builder::name);
    keys.put("client_id", Settings.Builder::clientId);
    keys.put("inline_mode", (b, v) -> b.inlineMode(bool(v)));
    keys.put("batch_mode", (b, v) -> b.batchMode(bool(v)));
    keys.put("start_from_beginning", (b, v) -> b.startFromBeginning(bool(v)));
    keys.put("kafka.hosts", (b, v) -> b.kafkaHosts(v.split("\\s*,\\s*")));
    keys.put("kafka.session_timeout", (b, v) -> b.sessionTimeout(duration(v)));
    keys.put("kafka.offset_commit_interval", (b, v) -> b.offsetCommitInterval(duration(v)));
    keys.put("kafka.offset_commit_threshold", (b, v) -> b.offsetCommitThreshold(integer(v)));
    keys.put("kafka.heartbeat_interval", (b, v) -> b.heartbeatInterval(duration(v)));
    keys.put("kafka.connect_timeout", (b, v) -> b.connectTimeout(duration(v)));
    keys.put("kafka.ssl.ca_cert", Settings.Builder::sslCaCert);
    keys.put("kafka.ssl.client_cert", Settings.Builder::sslClientCert);
    keys.put("kafka.ssl.client_cert_key", Settings.Builder::sslClientCertKey);
    keys.put("connection_pool.size", (b, v) -> b.producerPoolSize(integer(v)));
    keys.put("connection_pool.timeout", (b, v) -> b.producerPoolTimeout(duration(v)));
    keys.put("concurrency", (b, v) -> b.concurrency(integer(v)));
    keys.put("shutdown_timeout", (b, v) -> b.shutdownTimeout(duration(v)));
    keys.put("stall_timeout", (b, v) -> b.stallTimeout(duration(v)));
    keys.put("default_queue", Settings.Builder::defaultQueue);
    keys.put("reporting", (b, v) -> b.reporting(bool(v)));
    keys.put("reports_topic", Settings.Builder::reportsTopic);
    keys.put("commands_topic", Settings.Builder::commandsTopic);
    keys.put("report_interval", (b, v) -> b.reportInterval(duration(v)));
  }

  /** Applies {@code key = value}; a problem is added to {@code errors} with {@code source} named. */
  public void apply(Settings.Builder builder, String source, String key, String value, List<String> errors) {
    if (key.startsWith(KAFKA_CLIENT) && key.length() > KAFKA_CLIENT.length()) {
      builder.kafka(key.substring(KAFKA_CLIENT.length()), value);
      return;
    }
    BiConsumer<Settings.Builder, String> setter = keys.get(key);
    if (setter == null) {
      String near = closest(key);
      errors.add(source + ": unknown setting '" + key + "'" + (near == null ? "" : "; did you mean '" + near + "'?")
          + " (known: " + String.join(", ", keys.keySet()) + ", and kafka.client.<kafka-clients property>)");
      return;
    }
    try {
      setter.accept(builder, value.trim());
    } catch (IllegalArgumentException e) {
      errors.add(source + ": " + key + " '" + value + "' " + e.getMessage());
    }
  }

  /** The key a {@code GREGOR_*} variable names: {@code GREGOR_KAFKA_SESSION_TIMEOUT} is {@code kafka.session_timeout}. */
  public String keyOfVariable(String variable) {
    String wanted = variable.substring("GREGOR_".length());
    if (wanted.startsWith("KAFKA_CLIENT_")) {
      return KAFKA_CLIENT + wanted.substring("KAFKA_CLIENT_".length()).toLowerCase().replace('_', '.');
    }
    for (String key : keys.keySet()) {
      if (key.toUpperCase().replace('.', '_').equals(wanted)) {
        return key;
      }
    }
    return wanted.toLowerCase();
  }

  private String closest(String key) {
    String best = null;
    int bestDistance = 4;
    for (String known : keys.keySet()) {
      int distance = distance(key, known);
      if (distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      previous = current;
    }
    return previous[b.length()];
  }

  static boolean bool(String value) {
    return switch (value.trim().toLowerCase()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("is not true or false");
    };
  }

  static int integer(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a whole number");
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, ISO-8601 ({@code PT30S}), or a bare number of seconds as in the seed. */
  static Duration duration(String value) {
    String text = value.trim();
    if (text.startsWith("P") || text.startsWith("p")) {
      try {
        return Duration.parse(text);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("is not an ISO-8601 duration");
      }
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("is not a duration: write 500ms, 30s, 2m, 1h, PT30S or a number of seconds");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }
}
