package dev.gregor.client.internal.connection;

/**
 * What one seed broker answered to {@link ApiVersionsProbe}'s request: a Kafka frame, nothing in
 * time, a closed connection, a TLS record, or bytes that are not Kafka (described for the user).
 */
record FirstAnswer(String address, Verdict verdict, String description) {

  enum Verdict { KAFKA, NO_ANSWER, CLOSED, TLS_RECORD, NOT_KAFKA }

  static FirstAnswer of(String address, Verdict verdict) {
    return new FirstAnswer(address, verdict, null);
  }

  /** Names what {@code first} (the start of the peer's answer, at least 4 bytes) looks like when it is not a Kafka frame. */
  static FirstAnswer describe(String address, byte[] first, int length) {
    String text = printable(first, length);
    if (text.startsWith("HTTP/")) {
      return notKafka(address, "answers like an HTTP server (\"" + text + "\"), not a Kafka broker");
    }
    if (text.startsWith("SSH-")) {
      return notKafka(address, "sends an SSH banner (\"" + text + "\"): it is an SSH server, not a Kafka broker");
    }
    if ((first[0] == 0x15 || first[0] == 0x16) && first[1] == 0x03) {
      return new FirstAnswer(address, Verdict.TLS_RECORD, "answers with a TLS record: the port speaks TLS");
    }
    long size = ((first[0] & 0xffL) << 24) | ((first[1] & 0xff) << 16) | ((first[2] & 0xff) << 8) | (first[3] & 0xff);
    String says = isText(first, length) ? "it says \"" + text + "\"" : "its first bytes " + hex(first, length);
    return notKafka(address, "answers with something that is not a Kafka frame (" + says + ", which as a Kafka frame "
        + "would announce " + size + " bytes); it is not a Kafka broker");
  }

  private static FirstAnswer notKafka(String address, String description) {
    return new FirstAnswer(address, Verdict.NOT_KAFKA, description);
  }

  /** The answer's first line as text, non-printable bytes shown as '.'. */
  private static String printable(byte[] bytes, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length && bytes[i] != '\r' && bytes[i] != '\n'; i++) {
      text.append(bytes[i] >= 0x20 && bytes[i] < 0x7f ? (char) bytes[i] : '.');
    }
    return text.toString();
  }

  private static boolean isText(byte[] bytes, int length) {
    for (int i = 0; i < length && bytes[i] != '\r' && bytes[i] != '\n'; i++) {
      if (bytes[i] < 0x20 || bytes[i] >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static String hex(byte[] bytes, int length) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(length, 8); i++) {
      hex.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i]));
    }
    return hex.toString();
  }
}
