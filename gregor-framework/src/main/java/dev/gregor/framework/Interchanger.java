package dev.gregor.framework;

import dev.gregor.framework.internal.jobs.BinaryInterchanger;
import java.util.List;

/**
 * Encodes what a route hands to a worker and decodes it in the worker (seed: "Interchanger").
 * The default is binary-safe — raw bytes travel untouched — and never Java serialization.
 */
public interface Interchanger {
  /** The bytes of one job: the params of one message, or of a batch. */
  byte[] encode(List<Params> params);

  /** The params {@link #encode} wrote, parsed again with the route's {@code parser}. */
  List<Params> decode(byte[] data, Parser parser);

  /** The default: Gregor's documented binary job format (see {@code docs/framework.md}). */
  static Interchanger binary() {
    return BinaryInterchanger.INSTANCE;
  }
}
