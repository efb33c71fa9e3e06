package dev.gregor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> TOPICS = List.of("orders", "orders-dlq", "payments", "audit", "users");

  @Test
  void aSwapOrAMissingLetterFindsTheName() {
    assertThat(Suggestions.closest("ordres", TOPICS)).first().isEqualTo("orders");
    assertThat(Suggestions.closest("paymnts", TOPICS)).containsExactly("payments");
  }

  @Test
  void caseIsIgnoredAndAPrefixCounts() {
    assertThat(Suggestions.closest("Audit", TOPICS)).containsExactly("audit");
    assertThat(Suggestions.closest("order", TOPICS)).containsExactly("orders", "orders-dlq");
  }

  @Test
  void nothingCloseSuggestsNothing() {
    assertThat(Suggestions.closest("inventory", TOPICS)).isEmpty();
    assertThat(Suggestions.didYouMean("inventory", TOPICS)).isEmpty();
  }

  @Test
  void didYouMeanListsTheCloseNamesInOneSentence() {
    assertThat(Suggestions.didYouMean("ordes", TOPICS)).isEqualTo("; did you mean 'orders'?");
    assertThat(Suggestions.didYouMean("user", List.of("users", "usr", "uses"))).isEqualTo("; did you mean 'users', 'uses' or 'usr'?");
  }

  @Test
  void distanceCountsEditsAndSwaps() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }
}
