package dev.gregor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link UnknownTopic} and {@link UnknownGroup} name what is missing and the existing names close to it. */
@EmbeddedKafkaTest
@ExtendWith(ConnectedClient.class)
class UnknownNamesTest {

  @Test
  void describeOfAMistypedTopicNamesItAndSuggestsTheRealOne(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    String typo = mistyped(topic);

    assertThatThrownBy(() -> gregor.topics().describe(typo))
        .isInstanceOfSatisfying(UnknownTopic.class, e -> {
          assertThat(e.topic()).isEqualTo(typo);
          assertThat(e.suggestions()).first().isEqualTo(topic);
          assertThat(e.didYouMean()).startsWith("did you mean '" + topic + "'").endsWith("?");
        })
        .hasMessageContaining("topic '" + typo + "' does not exist; did you mean '" + topic + "'");
  }

  @Test
  void everyTopicOperationOnAMistypedTopicSuggestsTheRealOne(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    String typo = mistyped(topic);

    assertThatThrownBy(() -> gregor.topicMetadata(typo))
        .isInstanceOfSatisfying(UnknownTopic.class, e -> assertThat(e.suggestions()).contains(topic));
    assertThatThrownBy(() -> gregor.topics().deleteAsync(typo).join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(UnknownTopic.class, e -> assertThat(e.suggestions()).contains(topic));
    assertThatThrownBy(() -> gregor.topics().alterConfigs(typo, ConfigChanges.set("retention.ms", "1000")))
        .isInstanceOfSatisfying(UnknownTopic.class, e -> assertThat(e.suggestions()).contains(topic));
  }

  @Test
  void aTopicWithNothingCloseHasNoSuggestions(Gregor gregor) {
    String nowhere = "no-such-topic-" + UUID.randomUUID();

    assertThatThrownBy(() -> gregor.topics().describe(nowhere))
        .isInstanceOfSatisfying(UnknownTopic.class, e -> {
          assertThat(e.topic()).isEqualTo(nowhere);
          assertThat(e.suggestions()).isEmpty();
          assertThat(e.didYouMean()).isEmpty();
        })
        .hasMessageContaining("'" + nowhere + "' does not exist")
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void aMissingPartitionOfAnExistingTopicIsNotCalledAMissingTopic(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);

    assertThatThrownBy(() -> gregor.groups().resetOffsets("g-" + UUID.randomUUID(), topic, OffsetReset.toEarliest().partitions(7)))
        .isInstanceOfSatisfying(UnknownTopic.class, e -> {
          assertThat(e.topic()).isEqualTo(topic);
          assertThat(e.suggestions()).isEmpty();
        })
        .hasMessageContaining("topic '" + topic + "' has no partition 7");
  }

  @Test
  void describeOfAMistypedGroupNamesItAndSuggestsTheRealOne(Gregor gregor, TestTopics topics) {
    String topic = topics.create(1);
    String group = "unknown-names-" + UUID.randomUUID();
    gregor.groups().resetOffsets(group, topic, OffsetReset.toEarliest()); // committing creates the group
    String typo = mistyped(group);

    assertThatThrownBy(() -> gregor.groups().describe(typo))
        .isInstanceOfSatisfying(UnknownGroup.class, e -> {
          assertThat(e.groupId()).isEqualTo(typo);
          assertThat(e.suggestions()).first().isEqualTo(group);
          assertThat(e.didYouMean()).startsWith("did you mean '" + group + "'");
        })
        .hasMessageContaining("consumer group '" + typo + "' does not exist; did you mean '" + group + "'");
  }

  /** {@code name} with its last letter replaced: one edit away, and never the name itself. */
  private static String mistyped(String name) {
    char last = name.charAt(name.length() - 1);
    return name.substring(0, name.length() - 1) + (last == 'x' ? 'y' : 'x');
  }
}
