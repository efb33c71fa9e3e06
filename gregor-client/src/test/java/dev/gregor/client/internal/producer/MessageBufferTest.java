package dev.gregor.client.internal.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.client.BufferOverflow;
import dev.gregor.client.PendingMessage;
import dev.gregor.client.Produce;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ruby-kafka's bounded producer buffer without a broker: order, both limits, and what a failed delivery keeps. */
class MessageBufferTest {

  private static PendingMessage message(String value) {
    return PendingMessage.of("orders", value, Produce.options());
  }

  private static List<String> values(List<BufferedMessage> messages) {
    return messages.stream().map(m -> new String(m.message().value())).toList();
  }

  @Test
  void messagesStayInProduceOrder() {
    MessageBuffer buffer = new MessageBuffer(10, Long.MAX_VALUE, ProducerEvents.NONE);
    buffer.add(message("a"));
    buffer.add(message("b"));
    buffer.add(message("c"));

    assertThat(values(buffer.snapshot())).containsExactly("a", "b", "c");
    assertThat(buffer.size()).isEqualTo(3);
  }

  @Test
  void aMessageBeyondMaxBufferSizeIsRefusedAndTheBufferKeepsWhatItHad() {
    MessageBuffer buffer = new MessageBuffer(2, Long.MAX_VALUE, ProducerEvents.NONE);
    buffer.add(message("a"));
    buffer.add(message("b"));

    assertThatThrownBy(() -> buffer.add(message("c"))).isInstanceOf(BufferOverflow.class)
        .hasMessageContaining("orders").hasMessageContaining("maxBufferSize");
    assertThat(values(buffer.snapshot())).containsExactly("a", "b");
  }

  @Test
  void aMessageBeyondMaxBufferBytesizeIsRefusedNamingTheLimit() {
    PendingMessage first = message("0123456789");
    MessageBuffer buffer = new MessageBuffer(10, first.bytesize() + 5, ProducerEvents.NONE);
    buffer.add(first);

    assertThatThrownBy(() -> buffer.add(message("0123456789"))).isInstanceOf(BufferOverflow.class)
        .hasMessageContaining("maxBufferBytesize is " + (first.bytesize() + 5));
    assertThat(buffer.bytesize()).isEqualTo(first.bytesize());
  }

  @Test
  void retainingTheUndeliveredKeepsTheirOrderAndRecountsTheBytes() {
    MessageBuffer buffer = new MessageBuffer(10, Long.MAX_VALUE, ProducerEvents.NONE);
    BufferedMessage a = buffer.add(message("a"));
    buffer.add(message("bb"));
    BufferedMessage c = buffer.add(message("ccc"));

    buffer.retainOnly(List.of(a, c));
    assertThat(values(buffer.snapshot())).containsExactly("a", "ccc");
    assertThat(buffer.bytesize()).isEqualTo(a.message().bytesize() + c.message().bytesize());
  }

  @Test
  void clearingReturnsWhatWasBufferedAndFreesTheLimits() {
    MessageBuffer buffer = new MessageBuffer(1, Long.MAX_VALUE, ProducerEvents.NONE);
    buffer.add(message("a"));

    assertThat(values(buffer.clear())).containsExactly("a");
    assertThat(buffer.size()).isZero();
    assertThat(buffer.bytesize()).isZero();
    buffer.add(message("b")); // room again
    assertThat(values(buffer.snapshot())).containsExactly("b");
  }

  @Test
  void theSnapshotIsNotChangedByLaterAdds() {
    MessageBuffer buffer = new MessageBuffer(10, Long.MAX_VALUE, ProducerEvents.NONE);
    buffer.add(message("a"));
    List<BufferedMessage> before = buffer.snapshot();
    buffer.add(message("b"));

    assertThat(values(before)).containsExactly("a");
  }
}
