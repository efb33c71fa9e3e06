package dev.gregor.framework.internal.responding;

import dev.gregor.framework.InvalidResponse;
import dev.gregor.framework.Responder;
import dev.gregor.framework.internal.FrameworkAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's "Response validation", over a whole response before anything is sent: only
 * registered topics, at most one message to a topic not registered for multiple usage, and every
 * required topic used.
 */
public final class ResponseValidation {
  private ResponseValidation() {}

  public static void check(Responder responder, List<FrameworkAccess.Response> responses) {
    FrameworkAccess.Responders access = FrameworkAccess.responders();
    Map<String, Boolean> required = access.required(responder);
    String name = responder.getClass().getName();
    Map<String, Integer> uses = new HashMap<>();
    for (FrameworkAccess.Response response : responses) {
      String topic = response.topic();
      if (!required.containsKey(topic)) {
        throw new InvalidResponse(topic, name + " responded to topic '" + topic + "', which it did not register "
            + "(registered: " + required.keySet() + "); nothing of this response was sent");
      }
      if (uses.merge(topic, 1, Integer::sum) > 1 && !access.multipleUsage(responder, topic)) {
        throw new InvalidResponse(topic, name + " responded to topic '" + topic + "' more than once; register it with "
            + "Usage.MULTIPLE to allow that; nothing of this response was sent");
      }
    }
    required.forEach((topic, isRequired) -> {
      if (isRequired && !uses.containsKey(topic)) {
        throw new InvalidResponse(topic, name + " did not respond to required topic '" + topic + "'; register it with "
            + "Usage.OPTIONAL if it may be left out; nothing of this response was sent");
      }
    });
  }
}
