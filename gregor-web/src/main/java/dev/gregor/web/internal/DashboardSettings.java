package dev.gregor.web.internal;

import dev.gregor.client.Config;
import java.net.InetAddress;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The checked settings of a dashboard; {@code user} and {@code password} are null without authentication. */
public record DashboardSettings(Config config, InetAddress bindAddress, int port, @Nullable String user,
    @Nullable String password, boolean readOnly, @Nullable Pattern maskedTopics, Duration kafkaTimeout,
    String reportsTopic, String commandsTopic) {

  /** Whether values of {@code topic} must not be shown. */
  public boolean masked(String topic) {
    return maskedTopics != null && maskedTopics.matcher(topic).matches();
  }
}
