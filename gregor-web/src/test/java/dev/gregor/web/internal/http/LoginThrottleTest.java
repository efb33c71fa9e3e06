package dev.gregor.web.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The lockout's arithmetic on a clock the test moves: when it starts, when it ends, what resets it. */
class LoginThrottleTest {
  private Instant now = Instant.parse("2026-12-04T10:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle(new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  });

  @Test
  void fiveFailuresLockTheAddressForAMinuteAfterTheLastAndOtherAddressesNot() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("10.0.0.1");
    }
    assertThat(throttle.wait("10.0.0.1")).isZero();
    throttle.failed("10.0.0.1");

    assertThat(throttle.wait("10.0.0.1")).isEqualTo(Duration.ofMinutes(1));
    assertThat(throttle.wait("10.0.0.2")).isZero();
    now = now.plusSeconds(59);
    assertThat(throttle.wait("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    now = now.plusSeconds(1);
    assertThat(throttle.wait("10.0.0.1")).isZero();
  }

  @Test
  void failuresOlderThanTheWindowDoNotCountAndASuccessForgetsThem() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("10.0.0.1");
    }
    now = now.plus(Duration.ofMinutes(6));
    throttle.failed("10.0.0.1");
    assertThat(throttle.wait("10.0.0.1")).isZero();

    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.0.1");
    }
    throttle.succeeded("10.0.0.1");
    throttle.failed("10.0.0.1");
    assertThat(throttle.wait("10.0.0.1")).isZero();
  }
}
