package dev.gregor.spring.internal;

import dev.gregor.client.Config;
import dev.gregor.spring.GregorConfigCustomizer;
import dev.gregor.spring.GregorProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The client bean's {@link Config} from {@code gregor.*}: each property is first checked alone by
 * {@code Config.builder()}, so a refusal names the property it came from; then all together.
 */
public final class ClientConfigs {
  private static final String CHECK_HOST = "localhost:9092";

  private ClientConfigs() {}

  public static Config from(GregorProperties properties, List<GregorConfigCustomizer> customizers) {
    List<String> problems = new ArrayList<>();
    check(problems, "gregor.bootstrap-servers", properties.bootstrapServers(),
        b -> b.seedBrokers(properties.bootstrapServers().toArray(String[]::new)), false);
    if (properties.clientId() != null) {
      check(problems, "gregor.client-id", properties.clientId(), b -> b.clientId(properties.clientId()), true);
    }
    checkDuration(problems, "gregor.connect-timeout", properties.connectTimeout(), Config.Builder::connectTimeout);
    checkDuration(problems, "gregor.delivery-timeout", properties.deliveryTimeout(), Config.Builder::deliveryTimeout);
    checkDuration(problems, "gregor.admin-timeout", properties.adminTimeout(), Config.Builder::adminTimeout);
    properties.client().forEach((name, value) ->
        check(problems, "gregor.client." + name, value, b -> b.property(name, value), true));
    if (!problems.isEmpty()) {
      throw new InvalidProperties("Gregor client", problems);
    }
    Config.Builder builder = apply(Config.builder(), properties);
    customizers.forEach(customizer -> customizer.customize(builder));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidProperties("Gregor client", List.of("gregor.* together: " + e.getMessage()));
    }
  }

  /** The properties on a builder, unchecked. */
  static Config.Builder apply(Config.Builder builder, GregorProperties properties) {
    builder.seedBrokers(properties.bootstrapServers().toArray(String[]::new));
    String clientId = properties.clientId();
    if (clientId != null) {
      builder.clientId(clientId);
    }
    Duration connect = properties.connectTimeout();
    if (connect != null) {
      builder.connectTimeout(connect);
    }
    Duration delivery = properties.deliveryTimeout();
    if (delivery != null) {
      builder.deliveryTimeout(delivery);
    }
    Duration admin = properties.adminTimeout();
    if (admin != null) {
      builder.adminTimeout(admin);
    }
    properties.client().forEach(builder::property);
    return builder;
  }

  private static void checkDuration(List<String> problems, String property, Duration value,
      java.util.function.BiConsumer<Config.Builder, Duration> setter) {
    if (value != null) {
      check(problems, property, value, b -> setter.accept(b, value), true);
    }
  }

  private static void check(List<String> problems, String property, Object value, Consumer<Config.Builder> setting,
      boolean withHost) {
    try {
      Config.Builder builder = Config.builder();
      if (withHost) {
        builder.seedBrokers(CHECK_HOST);
      }
      setting.accept(builder);
      builder.build();
    } catch (IllegalArgumentException e) {
      problems.add(property + "=" + value + ": " + e.getMessage());
    }
  }
}
