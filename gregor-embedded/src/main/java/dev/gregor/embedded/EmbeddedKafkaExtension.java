package dev.gregor.embedded;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link EmbeddedKafkaTest}, also usable as a
 * {@code @RegisterExtension} field. It starts one broker per JVM on first use, with every
 * listener open and the SASL user {@value #USER}/{@value #PASSWORD}, and closes it when the
 * test run ends.
 */
public final class EmbeddedKafkaExtension implements ParameterResolver {
  /** The SASL user the shared broker declares. */
  public static final String USER = "gregor";
  /** That user's password. */
  public static final String PASSWORD = "gregor-secret";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);
  private static final AtomicInteger TOPIC_COUNTER = new AtomicInteger();
  private static volatile @Nullable SharedBroker shared;

  /** The broker shared by this JVM's tests, started on first call. */
  public EmbeddedKafka kafka() {
    return sharedBroker().kafka;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == EmbeddedKafka.class || type == Admin.class || type == TestTopics.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    EmbeddedKafka kafka = sharedBroker(context);
    if (type == EmbeddedKafka.class) {
      return kafka;
    }
    if (type == TestTopics.class) {
      String prefix = context.getRequiredTestClass().getSimpleName()
          + context.getTestMethod().map(m -> "." + m.getName()).orElse("");
      return new TestTopics(kafka, prefix, TOPIC_COUNTER);
    }
    if (type == Admin.class) {
      Admin admin = kafka.admin();
      context.getStore(NAMESPACE).put(new Object(), new ClosedAfterTest(admin));
      return admin;
    }
    throw new ParameterResolutionException("EmbeddedKafkaExtension cannot supply a " + type.getName());
  }

  private static EmbeddedKafka sharedBroker(ExtensionContext context) {
    // The root store closes the broker once, when the whole test run in this JVM ends.
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedBroker.class, key -> sharedBroker(), SharedBroker.class).kafka;
  }

  private static synchronized SharedBroker sharedBroker() {
    if (shared == null) {
      shared = new SharedBroker(EmbeddedKafka.builder()
          .listeners(Listener.SASL_PLAINTEXT, Listener.SSL, Listener.MTLS, Listener.SASL_SSL)
          .user(USER, PASSWORD)
          .start());
    }
    return shared;
  }

  /** JUnit closes store values that are AutoCloseable (and, before 5.13, CloseableResource) when their scope ends. */
  private record ClosedAfterTest(Admin admin) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      admin.close();
    }
  }

  private static final class SharedBroker implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final EmbeddedKafka kafka;

    SharedBroker(EmbeddedKafka kafka) {
      this.kafka = kafka;
    }

    @Override
    public void close() {
      synchronized (EmbeddedKafkaExtension.class) {
        shared = null;
      }
      kafka.close();
    }
  }
}
