package dev.gregor.framework;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotation style of routing: a controller class says which topic it serves, and
 * {@link Routes.Builder#annotated} turns it into the same route the DSL would — no classpath scanning.
 *
 * <pre>{@code
 * @Topic(value = "binary_video_details", group = "composed_application", responder = VideoResponder.class,
 *     batchMode = true)
 * public class DetailsController extends Controller { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Topic {
  /** The topic's clean name. */
  String value();

  /** The consumer group; the app name and topic when empty. */
  String group() default "";

  /** The jobs topic for a route that is not inline; the app's default queue when empty. */
  String queue() default "";

  /** The parser, made with its no-argument constructor; {@code Parser.class} for the app's JSON default. */
  Class<? extends Parser> parser() default Parser.class;

  /** The responder; {@code Responder.class} for none. */
  Class<? extends Responder> responder() default Responder.class;

  /** Inline mode for this route, when given ({@code inlineMode = false}); the app's otherwise. */
  boolean[] inlineMode() default {};

  /** Batch mode for this route, when given; the app's otherwise. */
  boolean[] batchMode() default {};
}
