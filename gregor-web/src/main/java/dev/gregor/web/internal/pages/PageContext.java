package dev.gregor.web.internal.pages;

import dev.gregor.web.internal.DashboardSettings;
import dev.gregor.web.internal.http.Request;
import dev.gregor.web.internal.kafka.KafkaAccess;
import org.jspecify.annotations.Nullable;

/** What every page may use: the request, the settings, Kafka, and the session's user and CSRF token. */
public record PageContext(Request request, DashboardSettings settings, KafkaAccess kafka, @Nullable String user,
    String csrfToken) {

  /** Whether actions may be offered and taken. */
  public boolean writable() {
    return !settings.readOnly();
  }
}
