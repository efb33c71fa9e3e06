package dev.gregor.client;

/** Compression codecs for produced batches; consumers decompress transparently. */
public enum Compression {
  NONE("none"),
  GZIP("gzip"),
  SNAPPY("snappy"),
  LZ4("lz4"),
  ZSTD("zstd");

  private final String kafkaValue;

  Compression(String kafkaValue) {
    this.kafkaValue = kafkaValue;
  }

  /** The value of kafka-clients' {@code compression.type} setting. */
  public String kafkaValue() {
    return kafkaValue;
  }
}
