package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

// Seed: "Routing" in the annotation style: the same immutable routes as the DSL, no classpath scanning.
class AnnotatedRoutingTest {
  @Topic(value = "binary_video_details", group = "composed_application", responder = RoutingTest.VideoResponder.class,
      parser = TextParser.class, inlineMode = true, batchMode = true)
  static final class DetailsController extends Controller {
    @Override
    protected void perform() {}
  }

  @Topic(value = "new_videos", queue = "video_jobs", inlineMode = false)
  static final class NewVideosController extends Controller {
    @Override
    protected void perform() {}
  }

  static final class Unannotated extends Controller {
    @Override
    protected void perform() {}
  }

  /** A parser the annotation names by class. */
  static final class TextParser implements Parser {
    @Override
    public Object parse(byte[] data) {
      return new String(data);
    }

    @Override
    public byte[] generate(Object value) {
      return String.valueOf(value).getBytes();
    }
  }

  private static App.Builder app() {
    return App.builder().setup(config -> config.name("annotated").kafkaHosts("localhost:9092"));
  }

  @Test
  void annotatedControllersMakeTheSameRoutesAsTheDsl() {
    App app = app().routes(routes -> routes.annotated(DetailsController.class, NewVideosController.class)).build();

    Route details = app.routes().find("binary_video_details").orElseThrow();
    assertThat(details.group()).isEqualTo("composed_application");
    assertThat(details.controller()).isEqualTo(DetailsController.class);
    assertThat(details.responder()).isEqualTo(RoutingTest.VideoResponder.class);
    assertThat(details.parser()).isInstanceOf(TextParser.class);
    assertThat(details.inlineMode()).isTrue();
    assertThat(details.batchMode()).isTrue();
    Route videos = app.routes().find("new_videos").orElseThrow();
    assertThat(videos.group()).isEqualTo("annotated_new_videos");
    assertThat(videos.queue()).isEqualTo("video_jobs");
    assertThat(videos.inlineMode()).isFalse();
    assertThat(videos.batchMode()).isFalse();
    assertThat(videos.parser()).isSameAs(Parser.json());
  }

  @Topic(value = "priced_videos", batchMode = true)
  static final class PricedVideosController extends Controller {
    private final String currency;

    PricedVideosController(String currency) {
      this.currency = currency;
    }

    @Override
    protected void perform() {}
  }

  @Test
  void anAnnotatedControllerCanBeMadeByAFactoryForItsConstructorArguments() {
    App app = app().routes(routes -> routes.annotated(PricedVideosController.class,
        () -> new PricedVideosController("EUR"))).build();

    Route priced = app.routes().find("priced_videos").orElseThrow();
    assertThat(priced.controller()).isEqualTo(PricedVideosController.class);
    assertThat(priced.batchMode()).isTrue();
    Controller first = priced.newController();
    assertThat(first).isInstanceOfSatisfying(PricedVideosController.class, c -> assertThat(c.currency).isEqualTo("EUR"));
    assertThat(priced.newController()).isNotSameAs(first);
  }

  @Test
  void aControllerWithoutTheAnnotationIsReportedWithTheOtherProblems() {
    App.Builder app = app().routes(routes -> routes.annotated(Unannotated.class, DetailsController.class)
        .topic("binary_video_details", route -> route.controller(DetailsController.class)));

    assertThatThrownBy(app::build).isInstanceOfSatisfying(InvalidSetup.class, e -> assertThat(e.errors()).contains(
        "controller " + Unannotated.class.getName() + " has no @Topic annotation; annotate it or route it with "
            + "topic(name, route -> route.controller(Unannotated.class))",
        "route 'binary_video_details': drawn twice; topic names must be unique in an app"));
  }
}
