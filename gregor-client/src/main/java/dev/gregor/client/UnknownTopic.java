package dev.gregor.client;

import dev.gregor.client.internal.names.CloseNames;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The topic (or the partition) does not exist on the cluster. {@link #topic()} names it and
 * {@link #suggestions()} lists existing topics with close names, for "did you mean" hints.
 */
public final class UnknownTopic extends GregorException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String topic;
  private final List<String> suggestions;

  /** A failure that does not say which topic; prefer the constructor naming it. */
  public UnknownTopic(String message, @Nullable Throwable cause) {
    this(null, message, List.of(), cause);
  }

  /** {@code topic} (or one of its partitions) does not exist; {@code suggestions} are existing topics close to it. */
  public UnknownTopic(@Nullable String topic, String message, List<String> suggestions, @Nullable Throwable cause) {
    super(message, cause);
    this.topic = topic;
    this.suggestions = List.copyOf(suggestions);
  }

  /** The topic that does not exist, or whose partition does not; null when the failure did not name it. */
  public @Nullable String topic() {
    return topic;
  }

  /**
   * Existing topics whose names are close to {@link #topic()} (a typo or two, other case, or a
   * longer name starting with it), closest first, at most three; empty when none is close, when
   * the topic exists but the partition does not, or when the topics could not be listed.
   */
  public List<String> suggestions() {
    return suggestions;
  }

  /** The hint for a message or a command line: {@code did you mean 'orders' or 'order'?}, or empty when nothing is close. */
  public String didYouMean() {
    return CloseNames.question(suggestions);
  }
}
