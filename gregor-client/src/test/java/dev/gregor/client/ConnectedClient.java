package dev.gregor.client;

import dev.gregor.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects a {@link Gregor} client connected to the shared embedded broker, closed after each test. */
final class ConnectedClient implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConnectedClient.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Gregor.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Gregor gregor = Gregor.connect(new EmbeddedKafkaExtension().kafka().bootstrapServers());
    context.getStore(NAMESPACE).put(new Object(), new ClosedAfterTest(gregor));
    return gregor;
  }

  /** JUnit closes store values that are AutoCloseable (and, before 5.13, CloseableResource) when the test ends. */
  private record ClosedAfterTest(Gregor gregor) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      gregor.close();
    }
  }
}
