package dev.gregor.client.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void theFirstRetryWaitsTheInitialDelayAndEachNextOneTwiceAsLong() {
    Backoff backoff = Backoff.exponential(SECOND, Duration.ofMinutes(1));

    assertThat(IntStream.rangeClosed(1, 4).mapToObj(backoff::delay))
        .containsExactly(SECOND, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  @Test
  void waitsNeverPassTheMaximum() {
    Backoff backoff = Backoff.exponential(SECOND, Duration.ofSeconds(5));

    assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void hugeAttemptNumbersStayAtTheMaximumWithoutOverflowing() {
    Backoff backoff = Backoff.exponential(Duration.ofMillis(3), Duration.ofDays(1));

    assertThat(backoff.delay(64)).isEqualTo(Duration.ofDays(1));
    assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void durationsBeyondNanosecondsCountAsTheLongestWait() {
    Backoff backoff = Backoff.exponential(SECOND, Duration.ofSeconds(Long.MAX_VALUE));

    assertThat(backoff.delay(100)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
  }

  @Test
  void attemptsBelowOneCountAsTheFirst() {
    Backoff backoff = Backoff.exponential(SECOND, Duration.ofMinutes(1));

    assertThat(backoff.delay(0)).isEqualTo(SECOND);
    assertThat(backoff.delay(-5)).isEqualTo(SECOND);
  }

  @Test
  void aZeroInitialDelayNeverWaits() {
    assertThat(Backoff.exponential(Duration.ZERO, SECOND).delay(10)).isZero();
  }

  @Test
  void jitterShortensEachWaitByUpToItsFraction() {
    Backoff longest = Backoff.exponential(SECOND, Duration.ofMinutes(1)).withJitter(0.2, () -> 0.0);
    Backoff shortest = Backoff.exponential(SECOND, Duration.ofMinutes(1)).withJitter(0.2, () -> 0.999_999);
    Backoff half = Backoff.exponential(SECOND, Duration.ofMinutes(1)).withJitter(0.2, () -> 0.5);

    assertThat(longest.delay(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(shortest.delay(2)).isBetween(Duration.ofMillis(1_600), Duration.ofMillis(1_601));
    assertThat(half.delay(2)).isEqualTo(Duration.ofMillis(1_800));
  }

  @Test
  void jitterNeverMakesAWaitNegativeOrLongerThanWithout() {
    Backoff plain = Backoff.exponential(SECOND, Duration.ofSeconds(30));
    Backoff jittered = plain.withJitter(1.0);

    for (int attempt = 1; attempt <= 20; attempt++) {
      assertThat(jittered.delay(attempt)).isBetween(Duration.ZERO, plain.delay(attempt));
    }
  }

  @Test
  void badArgumentsAreRefusedNamingThem() {
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(-1), SECOND))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial delay");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), SECOND))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum");
    assertThatThrownBy(() -> Backoff.exponential(SECOND, SECOND).withJitter(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    assertThatThrownBy(() -> Backoff.exponential(SECOND, SECOND).withJitter(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
  }
}
