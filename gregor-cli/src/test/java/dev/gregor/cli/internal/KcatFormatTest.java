package dev.gregor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kcat's -f placeholders and escapes. */
class KcatFormatTest {
  private final Message message = new Message("t", 2, 41, Instant.ofEpochMilli(1000), bytes("k"), bytes("v"),
      List.of(new Message.Header("a", bytes("1")), new Message.Header("b", null)));

  @Test
  void everyPlaceholderIsReplaced() {
    assertThat(KcatFormat.compile("%t %p %o %k %s %h %T %K %S").format(message)).isEqualTo("t 2 41 k v a=1,b= 1000 1 1");
  }

  @Test
  void escapesAndPercentAreLiteralAndNoNewlineIsAdded() {
    assertThat(KcatFormat.compile("%s\\t100%%\\n").format(message)).isEqualTo("v\t100%\n");
  }

  @Test
  void aMissingKeyOrValueIsEmptyWithSizeMinusOne() {
    Message tombstone = new Message("t", 0, 0, Instant.EPOCH, null, null, List.of());

    assertThat(KcatFormat.compile("[%k][%s][%K][%S][%h]").format(tombstone)).isEqualTo("[][][-1][-1][]");
  }

  @Test
  void anUnknownPlaceholderIsRefusedNamingIt() {
    assertThatThrownBy(() -> KcatFormat.compile("%s %x")).hasMessageContaining("'%x'").hasMessageContaining("%t %p %o");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
