package dev.gregor.client.internal.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CloseNamesTest {
  private static final List<String> TOPICS = List.of("orders", "orders-dlq", "payments", "audit", "users");

  @Test
  void aSwapOrAMissingLetterFindsTheName() {
    assertThat(CloseNames.closest("ordres", TOPICS)).first().isEqualTo("orders");
    assertThat(CloseNames.closest("paymnts", TOPICS)).containsExactly("payments");
  }

  @Test
  void caseIsIgnoredAndAPrefixCounts() {
    assertThat(CloseNames.closest("Audit", TOPICS)).containsExactly("audit");
    assertThat(CloseNames.closest("order", TOPICS)).containsExactly("orders", "orders-dlq");
  }

  @Test
  void nothingCloseSuggestsNothing() {
    assertThat(CloseNames.closest("inventory", TOPICS)).isEmpty();
    assertThat(CloseNames.didYouMean("inventory", TOPICS)).isEmpty();
  }

  @Test
  void didYouMeanListsTheCloseNamesInOneSentence() {
    assertThat(CloseNames.didYouMean("ordes", TOPICS)).isEqualTo("; did you mean 'orders'?");
    assertThat(CloseNames.didYouMean("user", List.of("users", "usr", "uses"))).isEqualTo("; did you mean 'users', 'uses' or 'usr'?");
  }

  @Test
  void distanceCountsEditsAndSwaps() {
    assertThat(CloseNames.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(CloseNames.distance("ab", "ba")).isEqualTo(1);
    assertThat(CloseNames.distance("", "abc")).isEqualTo(3);
  }
}
