package dev.gregor.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gregor.client.Message;
import dev.gregor.client.Offset;
import dev.gregor.framework.internal.FrameworkAccess;
import dev.gregor.framework.internal.responding.ResponseValidation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

// Seed: "Response validation" — each rule on its own; nothing of a broken response is sent (ResponderTest shows that
// end to end).
class ResponseValidationTest {
  static final class Registered extends Responder {
    private final Runnable body;

    Registered(Runnable body) {
      topic("regular_topic");
      topic("optional_topic", Usage.OPTIONAL);
      topic("multiple_use_topic", Usage.OPTIONAL, Usage.MULTIPLE);
      this.body = body;
    }

    @Override
    protected void respond(Object... data) {
      body.run();
    }

    void send(String topic) {
      respondTo(topic, "data");
    }
  }

  private static List<FrameworkAccess.Response> respond(Registered responder) throws Exception {
    List<FrameworkAccess.Response> responses = FrameworkAccess.responders().respond(responder, new Object[0]);
    ResponseValidation.check(responder, responses);
    return responses;
  }

  @Test
  void onlyRegisteredTopicsMayBeUsed() {
    Registered[] responder = new Registered[1];
    responder[0] = new Registered(() -> {
      responder[0].send("regular_topic");
      responder[0].send("regular_topik");
    });

    assertThatThrownBy(() -> respond(responder[0])).isInstanceOfSatisfying(InvalidResponse.class,
        e -> assertThat(e.topic()).isEqualTo("regular_topik")).hasMessageContaining("did not register");
  }

  @Test
  void aTopicWithoutMultipleUsageTakesOneMessage() {
    Registered[] responder = new Registered[1];
    responder[0] = new Registered(() -> {
      responder[0].send("regular_topic");
      responder[0].send("regular_topic");
    });

    assertThatThrownBy(() -> respond(responder[0])).isInstanceOf(InvalidResponse.class)
        .hasMessageContaining("responded to topic 'regular_topic' more than once");
  }

  @Test
  void everyRequiredTopicMustBeUsed() {
    Registered[] responder = new Registered[1];
    responder[0] = new Registered(() -> responder[0].send("optional_topic"));

    assertThatThrownBy(() -> respond(responder[0])).isInstanceOf(InvalidResponse.class)
        .hasMessageContaining("did not respond to required topic 'regular_topic'");
  }

  @Test
  void aResponseKeepingTheRulesIsReturnedWhole() throws Exception {
    Registered[] responder = new Registered[1];
    responder[0] = new Registered(() -> {
      responder[0].send("regular_topic");
      responder[0].send("multiple_use_topic");
      responder[0].send("multiple_use_topic");
    });

    assertThat(respond(responder[0])).extracting(FrameworkAccess.Response::topic)
        .containsExactly("regular_topic", "multiple_use_topic", "multiple_use_topic");
  }

  @Test
  void aControllersParamsForAUnitTestComeFromParamsParse() {
    Message message = new Message("videos", 0, 7, Instant.EPOCH, null, "{\"id\":1}".getBytes(), List.of());

    Params params = Params.parse("videos", message, Parser.json());

    assertThat(params.value()).isEqualTo(java.util.Map.of("id", 1));
    assertThat(params.offset()).isEqualTo(7);
    assertThat(Offset.at(params.offset()).value()).isEqualTo(7);
  }
}
