package dev.gregor.chaos;

/** Sizes of a scenario: small in the default build, full under {@code -Pchaos} ({@code -Dchaos.full=true}). */
final class Scale {
  private Scale() {}

  static boolean full() {
    return Boolean.getBoolean("chaos.full");
  }

  static int pick(int fast, int full) {
    return full() ? full : fast;
  }
}
