package dev.gregor.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The forms of {@code consume --offset} and where each starts in a partition holding offsets 10-19. */
class StartOffsetTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private static long start(String text) {
    return StartOffset.parse(text, NOW).resolve(10, 20, time -> time.equals(Instant.parse("2024-05-01T11:00:00Z")) ? 15L : -1L);
  }

  @Test
  void earliestAndLatestAreTheEnds() {
    assertThat(start("earliest")).isEqualTo(10);
    assertThat(start("beginning")).isEqualTo(10);
    assertThat(start("latest")).isEqualTo(20);
  }

  @Test
  void anExactOffsetIsKeptWithinThePartition() {
    assertThat(start("12")).isEqualTo(12);
    assertThat(start("3")).isEqualTo(10);
    assertThat(start("99")).isEqualTo(20);
  }

  @Test
  void minusNStartsNBeforeTheEndButNotBeforeTheBeginning() {
    assertThat(start("-3")).isEqualTo(17);
    assertThat(start("-50")).isEqualTo(10);
  }

  @Test
  void atTimeTakesIsoMillisecondsOrAgoAndFallsBackToTheEnd() {
    assertThat(start("@2024-05-01T11:00:00Z")).isEqualTo(15);
    assertThat(start("@" + Instant.parse("2024-05-01T11:00:00Z").toEpochMilli())).isEqualTo(15);
    assertThat(start("@-1h")).isEqualTo(15);
    assertThat(start("@2030-01-01T00:00:00Z")).isEqualTo(20);
  }

  @Test
  void anythingElseIsRefusedShowingTheForms() {
    assertThatThrownBy(() -> StartOffset.parse("yesterday", NOW)).hasMessageContaining("earliest, latest, N, -N or @TIME");
    assertThatThrownBy(() -> StartOffset.parse("@noon", NOW)).hasMessageContaining("'@noon' is not a time");
  }
}
