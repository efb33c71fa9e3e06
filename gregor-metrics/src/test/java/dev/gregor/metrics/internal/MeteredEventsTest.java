package dev.gregor.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.client.ClientEvent;
import dev.gregor.client.EventKeys;
import dev.gregor.client.Notification;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every client event kind is handled by gregor-metrics: metered ones make meters, the others are never subscribed to. */
class MeteredEventsTest {

  @ParameterizedTest
  @EnumSource(ClientEvent.class)
  void everyMeteredKindMakesAMeterAndEveryOtherIsNotSubscribed(ClientEvent kind) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventMeters meters = new EventMeters(registry, Tags.empty(), "app");

    meters.on(notificationOf(kind));

    if (EventMeters.metered(kind)) {
      // process_message comes as a ProcessedHook call instead, one per message on the consumer's thread.
      assertThat(EventMeters.EVENTS.matcher(kind.eventName()).matches()).as("subscribed to %s", kind)
          .isEqualTo(kind != ClientEvent.PROCESS_MESSAGE);
      assertThat(registry.getMeters()).as("meters made from %s", kind).isNotEmpty();
    } else {
      assertThat(EventMeters.EVENTS.matcher(kind.eventName()).matches()).as("subscribed to %s", kind).isFalse();
      assertThat(registry.getMeters()).as("meters made from %s", kind).isEmpty();
    }
  }

  /** A notification of {@code kind} carrying every payload key the kind documents. */
  private static Notification notificationOf(ClientEvent kind) {
    Map<String, Object> payload = new HashMap<>();
    payload.put(EventKeys.CLIENT_ID, "app");
    payload.put(EventKeys.GROUP_ID, "group");
    for (String key : kind.payloadKeys()) {
      payload.put(key, key.equals(EventKeys.TOPIC_PARTITIONS) ? Map.of("orders", List.of(0)) : 1);
    }
    payload.remove(EventKeys.EXCEPTION);
    return new Notification(kind.eventName(), kind.timed() ? Notification.Phase.STOP : Notification.Phase.EVENT,
        Instant.now(), Duration.ofMillis(3), null, payload);
  }
}
