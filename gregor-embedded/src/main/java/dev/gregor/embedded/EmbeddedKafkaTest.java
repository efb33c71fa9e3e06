package dev.gregor.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against the broker shared by every test in the JVM, injecting
 * {@link EmbeddedKafka}, a per-test {@link org.apache.kafka.clients.admin.Admin} and
 * {@link TestTopics} parameters.
 *
 * <pre>{@code
 * @EmbeddedKafkaTest
 * class OrdersTest {
 *   @Test
 *   void roundTrip(EmbeddedKafka kafka, TestTopics topics) {
 *     String topic = topics.create(3);
 *     ...
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedKafkaExtension.class)
public @interface EmbeddedKafkaTest {}
