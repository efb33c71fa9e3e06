package dev.gregor.framework.jdbc;

import dev.gregor.client.Message;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What identifies a message for de-duplication: a header the producer set, or the key. */
@FunctionalInterface
public interface MessageId {
  /** The id of {@code message}, or null when it has none (it is then never treated as a duplicate). */
  @Nullable String of(Message message);

  /** The value of header {@code name} (the blog's "message id" pattern). */
  static MessageId header(String name) {
    Objects.requireNonNull(name, "name");
    return message -> message.header(name);
  }

  /** The key, as UTF-8 text. */
  static MessageId key() {
    return message -> message.key() == null ? null : new String(message.key(), StandardCharsets.UTF_8);
  }
}
