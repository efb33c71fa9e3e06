package dev.gregor.client;

/** A message did not fit in a producer's buffer; the message is not buffered and the buffer is unchanged. */
public final class BufferOverflow extends GregorException {
  private static final long serialVersionUID = 1L;

  /** A refusal saying which limit the message would pass. */
  public BufferOverflow(String message) {
    super(message, null);
  }
}
