package dev.gregor.spring.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaExtension;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.framework.App;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example shop as a {@code @SpringBootTest} against the embedded broker, its topics under a prefix of its own. */
@SpringBootTest(classes = ShopApplication.class)
@EmbeddedKafkaTest
class ShopApplicationTest {
  private static final String PREFIX = "shop-" + UUID.randomUUID().toString().substring(0, 8);

  @Autowired
  private Gregor client;
  @Autowired
  private App app;
  @Autowired
  private OrderBook book;
  @Autowired
  private HealthIndicator gregorHealthIndicator;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry properties) {
    EmbeddedKafka kafka = new EmbeddedKafkaExtension().kafka();
    kafka.createTopic(PREFIX + ".orders", 2, 1);
    kafka.createTopic(PREFIX + ".orders_accepted", 1, 1);
    properties.add("gregor.bootstrap-servers", kafka::bootstrapServers);
    properties.add("gregor.app.topic-prefix", () -> PREFIX);
    properties.add("spring.application.name", () -> PREFIX);
  }

  @Test
  void theShopAcceptsOrdersThroughItsControllerBeanAndRespondsOnOrdersAccepted(EmbeddedKafka kafka) {
    assertThat(app.isRunning()).isTrue();
    for (int i = 1; i <= 3; i++) {
      client.deliverMessage(PREFIX + ".orders", "{\"id\":\"o-" + i + "\",\"customer\":\"ann\",\"amount\":" + 10 * i + "}");
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> book.size() == 3);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(client.fetch(PREFIX + ".orders_accepted", 0, Offset.EARLIEST).messages())
            .extracting(Message::keyAsString).containsExactlyInAnyOrder("o-1", "o-2", "o-3"));
    assertThat(gregorHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
  }
}
