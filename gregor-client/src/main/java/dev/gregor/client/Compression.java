package dev.gregor.client;

/** Compression codecs for produced batches; consumers decompress transparently. */
public enum Compression {
  /** No compression. */
  NONE("none"),
  /** gzip: small batches, more CPU. */
  GZIP("gzip"),
  /** Snappy: fast, moderate ratio. */
  SNAPPY("snappy"),
  /** LZ4: fast, a good default for throughput. */
  LZ4("lz4"),
  /** Zstandard: the best ratio for its speed. */
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
