package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// ruby-kafka: "Efficiently Producing Messages" and "Buffering and Error Handling".
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class BufferedProducerTest {
  @Test
  void produceOnlyBuffersAndDeliverMessagesSendsTheBufferInOrder(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) throws Exception {
    String topic = topics.create(1);
    try (Producer producer = gregor.producer()) {
      CompletableFuture<Delivered> first = producer.produce(topic, "hello1");
      producer.produce(topic, "hello2");
      producer.produce(topic, "hello3");

      assertThat(producer.bufferSize()).isEqualTo(3);
      assertThat(first).isNotDone();
      assertThat(latestOffset(kafka, topic)).isZero();

      producer.deliverMessages();

      assertThat(producer.bufferSize()).isZero();
      assertThat(producer.bufferBytesize()).isZero();
      assertThat(first.get(1, TimeUnit.SECONDS).offset()).isZero();
    }
    assertThat(values(Records.readAll(kafka.clientConfig(), topic, 3))).containsExactly("hello1", "hello2", "hello3");
  }

  @Test
  void deliverMessagesKeepsExactlyTheFailedMessagesBuffered(Gregor gregor, EmbeddedKafka kafka, TestTopics topics) {
    String topic = topics.create(1, 1, Map.of("max.message.bytes", "1024"));
    try (Producer producer = gregor.producer()) {
      producer.produce(topic, "small before");
      CompletableFuture<Delivered> tooLarge = producer.produce(topic, new byte[4096], Produce.options());
      producer.produce(topic, "small after");

      assertThatThrownBy(producer::deliverMessages)
          .isInstanceOfSatisfying(DeliveryFailed.class, failed -> {
            assertThat(failed.getMessage()).contains("Failed to deliver 1 of 3 messages", "topic '" + topic + "'");
            assertThat(failed.getCause()).isInstanceOf(MessageSizeTooLarge.class).hasMessageContaining("4096 bytes")
              .hasMessageContaining("max.message.bytes is 1024"); // refused before sending: no kafka-clients cause
            assertThat(failed.failedMessages()).singleElement().satisfies(m -> assertThat(m.value()).hasSize(4096));
          });

      assertThat(producer.bufferSize()).isEqualTo(1);
      assertThat(producer.bufferBytesize()).isEqualTo(4096);
      assertThat(values(Records.readAll(kafka.clientConfig(), topic, 2))).containsExactly("small before", "small after");

      producer.clearBuffer();
      assertThat(producer.bufferSize()).isZero();
      assertThat(tooLarge).isCancelled();
    }
  }

  @Test
  void bufferOverflowAtMaxBufferSizeLeavesTheBufferAsItWas(Gregor gregor, TestTopics topics) {
    String topic = topics.next();
    try (Producer producer = gregor.producer(p -> p.maxBufferSize(2))) {
      producer.produce(topic, "one");
      producer.produce(topic, "two");

      assertThatThrownBy(() -> producer.produce(topic, "three"))
          .isInstanceOf(BufferOverflow.class)
          .hasMessageContaining("already holds 2 messages, the maxBufferSize");
      assertThat(producer.bufferSize()).isEqualTo(2);
    }
  }

  @Test
  void bufferOverflowAtMaxBufferBytesizeLeavesTheBufferAsItWas(Gregor gregor, TestTopics topics) {
    String topic = topics.next();
    try (Producer producer = gregor.producer(p -> p.maxBufferBytesize(10))) {
      producer.produce(topic, "12345678");

      assertThatThrownBy(() -> producer.produce(topic, "12345678"))
          .isInstanceOf(BufferOverflow.class)
          .hasMessageContaining("8 bytes").hasMessageContaining("maxBufferBytesize is 10");
      assertThat(producer.bufferBytesize()).isEqualTo(8);
    }
  }

  @Test
  void useFromASecondThreadFailsClearly(Gregor gregor, TestTopics topics) throws Exception {
    String topic = topics.next();
    try (Producer producer = gregor.producer()) {
      producer.produce(topic, "from the owner");
      AtomicReference<Throwable> error = new AtomicReference<>();
      Thread other = new Thread(() -> {
        try {
          producer.produce(topic, "from another thread");
        } catch (Throwable e) {
          error.set(e);
        }
      }, "intruder");
      other.start();
      other.join(10_000);

      assertThat(error.get()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Producer is not thread-safe").hasMessageContaining("'intruder'");
      assertThat(producer.bufferSize()).isEqualTo(1);
    }
  }

  @Test
  void closeCancelsTheReportsOfUndeliveredMessagesAndRefusesFurtherUse(Gregor gregor, TestTopics topics) {
    Producer producer = gregor.producer();
    CompletableFuture<Delivered> report = producer.produce(topics.next(), "never sent");

    producer.close();

    assertThat(report).isCancelled();
    assertThatThrownBy(() -> report.join()).isInstanceOf(CancellationException.class);
    assertThatThrownBy(() -> producer.produce("t", "x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void invalidSettingsFailWhenTheProducerIsBuilt(Gregor gregor) {
    assertThatThrownBy(() -> gregor.producer(p -> p.maxBufferSize(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBufferSize must be at least 1, was 0");
    assertThatThrownBy(() -> gregor.producer(p -> p.acks(Acks.LEADER).idempotent(true)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotent(true) needs acks(Acks.ALL)");
  }

  static long latestOffset(EmbeddedKafka kafka, String topic) throws Exception {
    try (var admin = kafka.admin()) {
      var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
      return admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
          .partitionResult(partition).get(10, TimeUnit.SECONDS).offset();
    }
  }

  static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).collect(Collectors.toList());
  }
}
