package dev.gregor.framework.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.client.Gregor;
import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.framework.App;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

// The README's example application, run end to end on the embedded broker.
@EmbeddedKafkaTest
class ShopAppTest {
  @Test
  void theShopTakesOrdersLegacyEventsClicksAndInvoices(EmbeddedKafka kafka) {
    try (Gregor admin = Gregor.connect(kafka.bootstrapServers())) {
      for (String topic : ShopApp.TOPICS) {
        admin.topics().create(topic, t -> t.partitions(2));
      }
    }
    App shop = ShopApp.build(kafka.bootstrapServers());

    try (shop) {
      shop.start().startWorkers(2);
      Gregor kafkaClient = shop.client();
      kafkaClient.deliverMessage("shop.orders", "{\"id\":\"o-1\",\"customer\":\"ann\",\"amount\":20}");
      kafkaClient.deliverMessage("shop.orders", "{\"id\":\"o-2\",\"customer\":\"bob\",\"amount\":500}");
      kafkaClient.deliverMessage("shop.legacy_events", "signup,ann,web");
      kafkaClient.deliverMessage("shop.legacy_events", "garbage");
      kafkaClient.deliverMessages(IntStream.range(0, 100)
          .mapToObj(i -> PendingMessage.of("shop.clicks", "{\"page\":" + i + "}", Produce.options())).toList());
      kafkaClient.deliverMessage("shop.invoices", "{\"order\":\"o-2\"}");
      kafkaClient.deliverMessage("shop.invoices", "{}");

      await().atMost(Duration.ofSeconds(60)).until(() -> ShopLedger.entries("orders").size() == 2
          && ShopLedger.entries("legacy").size() == 1 && ShopLedger.entries("legacy_rejected").size() == 1
          && ShopLedger.count("clicks") == 100 && ShopLedger.entries("invoices").size() == 1
          && read(kafkaClient, "shop.orders_accepted").size() == 2 && read(kafkaClient, "shop.vip_orders").size() == 1);

      assertThat(ShopLedger.entries("legacy")).containsExactly("signup:ann");
      assertThat(ShopLedger.entries("legacy_rejected")).containsExactly("garbage");
      assertThat(ShopLedger.entries("invoices")).singleElement().asString().startsWith("o-2 by server on gregor-shop-worker-");
      assertThat(read(kafkaClient, "shop.vip_orders")).singleElement().extracting(Message::valueAsString)
          .isEqualTo("{\"id\":\"o-2\",\"customer\":\"bob\",\"amount\":500}");
    }
  }

  private static List<Message> read(Gregor gregor, String topic) {
    List<Message> all = new ArrayList<>();
    for (int p = 0; p < gregor.partitionsFor(topic); p++) {
      all.addAll(gregor.fetch(topic, p, Offset.EARLIEST).messages());
    }
    return all;
  }
}
