package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.client.ErrorPolicy;
import org.junit.jupiter.api.Test;

// Seed: "Routing", "Topic", "Group", "Parser", "Inline mode flag", "Batch mode flag" — validated when the app is built.
class RoutingTest {
  static final class VideosController extends Controller {
    @Override
    protected void perform() {}
  }

  static final class NeedsArguments extends Controller {
    NeedsArguments(String service) {}

    @Override
    protected void perform() {}
  }

  abstract static class Abstract extends Controller {}

  static final class VideoResponder extends Responder {
    VideoResponder() {
      topic("videos_processed");
    }

    @Override
    protected void respond(Object... data) {
      respondTo("videos_processed", data[0]);
    }
  }

  private static App.Builder app() {
    return App.builder().setup(config -> config.name("composed_application").kafkaHosts("localhost:9092"));
  }

  @Test
  void routeSettingsOverrideTheAppsAndAGroupIsDerivedFromAppNameAndTopic() {
    App app = app().setup(config -> config.batchMode(true))
        .routes(routes -> routes
            .topic("binary_video_details", route -> route.group("composed_application").controller(VideosController.class)
                .parser(Parser.text()).responder(VideoResponder.class).inlineMode(false).batchMode(false)
                .errorPolicy(ErrorPolicy.stop()))
            .topic("new_videos", route -> route.controller(VideosController.class)))
        .build();

    Route details = app.routes().find("binary_video_details").orElseThrow();
    assertThat(details.group()).isEqualTo("composed_application");
    assertThat(details.inlineMode()).isFalse();
    assertThat(details.batchMode()).isFalse();
    assertThat(details.parser()).isSameAs(Parser.text());
    assertThat(details.responder()).isEqualTo(VideoResponder.class);
    assertThat(details.queue()).isEqualTo("composed_application_jobs");
    Route videos = app.routes().find("new_videos").orElseThrow();
    assertThat(videos.group()).isEqualTo("composed_application_new_videos");
    assertThat(videos.inlineMode()).isTrue();
    assertThat(videos.batchMode()).isTrue();
    assertThat(videos.parser()).isSameAs(Parser.json());
    assertThat(videos.newController()).isInstanceOf(VideosController.class).isNotSameAs(videos.newController());
    assertThat(app.routes().sorted()).extracting(Route::topic).containsExactly("binary_video_details", "new_videos");
  }

  @Test
  void everyRoutingMistakeIsReportedAtOnceNamingTheRoute() {
    App.Builder app = app().routes(routes -> routes
        .topic("videos", route -> route.controller(VideosController.class))
        .topic("videos", route -> route.controller(VideosController.class))
        .topic("bad topic!", route -> route.controller(VideosController.class))
        .topic("no_controller", route -> route.group("g1"))
        .topic("needs_arguments", route -> route.controller(NeedsArguments.class))
        .topic("abstract", route -> route.controller(Abstract.class))
        .topic("first", route -> route.group("shared").controller(VideosController.class))
        .topic("second", route -> route.group("shared").controller(VideosController.class)));

    assertThatThrownBy(app::build).isInstanceOfSatisfying(InvalidSetup.class, e -> {
      assertThat(e.errors()).containsExactlyInAnyOrder(
          "route 'no_controller': no controller; give one with controller(MyController.class)",
          "route 'needs_arguments': controller " + NeedsArguments.class.getName() + " has no constructor without "
              + "arguments; give a factory: controller(NeedsArguments.class, () -> new NeedsArguments(...))",
          "route 'abstract': controller " + Abstract.class.getName() + " is abstract; route a concrete class",
          "route 'bad topic!': topic has characters Kafka refuses: topic names use only letters, digits, '.', '_' and '-'",
          "route 'videos': drawn twice; topic names must be unique in an app",
          "group 'composed_application_videos' is used by routes [videos, videos]; a group serves one topic (seed: "
              + "\"Group\"), or say sharedGroup(\"composed_application_videos\") on each of them",
          "group 'shared' is used by routes [first, second]; a group serves one topic (seed: \"Group\"), or say "
              + "sharedGroup(\"shared\") on each of them");
    });
  }

  @Test
  void aGroupSharedByEveryRouteUsingItIsAllowed() {
    App app = app().routes(routes -> routes
        .topic("first", route -> route.sharedGroup("shared").controller(VideosController.class))
        .topic("second", route -> route.sharedGroup("shared").controller(VideosController.class))).build();

    assertThat(app.routes().all()).extracting(Route::group).containsExactly("shared", "shared");
  }

  @Test
  void aFactoryMakesControllersThatNeedArguments() {
    App app = app().routes(routes -> routes.topic("videos",
        route -> route.controller(NeedsArguments.class, () -> new NeedsArguments("service")))).build();

    assertThat(app.routes().find("videos").orElseThrow().newController()).isInstanceOf(NeedsArguments.class);
  }

  @Test
  void aTopicMapperThatMakesIllegalNamesIsCaughtAtBuild() {
    App.Builder app = app().setup(config -> config.topicMapper(TopicMapper.prefix("user name")))
        .routes(routes -> routes.topic("videos", route -> route.controller(VideosController.class)));

    assertThatThrownBy(app::build).isInstanceOf(InvalidSetup.class)
        .hasMessageContaining("route 'videos': topic mapper prefix(user name) makes it 'user name.videos'");
  }

  @Test
  void anAppWithoutRoutesIsRefused() {
    assertThatThrownBy(() -> app().build()).isInstanceOf(InvalidSetup.class).hasMessageContaining("no route drawn");
  }
}
