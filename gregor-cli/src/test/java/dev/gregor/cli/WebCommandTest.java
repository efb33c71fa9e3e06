package dev.gregor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gregor.embedded.ChildJvm;
import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import dev.gregor.embedded.TestTopics;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 16, "Serving": {@code gregor web} as a real process, logged into with the password it printed. */
@EmbeddedKafkaTest
class WebCommandTest {
  private static final Pattern URL = Pattern.compile("at (http://\\S+/)");
  private static final Pattern PASSWORD = Pattern.compile("with password (\\S+)");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Test
  void gregorWebPrintsWhereAndAPasswordThatLogsIntoPagesShowingTheCluster(EmbeddedKafka kafka, TestTopics topics)
      throws Exception {
    String topic = topics.create(1);
    StringBuffer err = new StringBuffer();
    try (ChildJvm web = ChildJvm.builder(Main.class).args("web", "--port", "0", "-b", kafka.bootstrapServers())
        .environment(WebCommand.PASSWORD_VARIABLE, null).onError(line -> err.append(line).append('\n')).start()) {
      await().atMost(Duration.ofSeconds(60)).failFast("gregor web exited: " + err, () -> !web.isAlive())
          .until(() -> err.toString().contains("Ctrl-C stops it."));
      Matcher url = URL.matcher(err);
      Matcher password = PASSWORD.matcher(err);
      assertThat(url.find() && password.find()).as(err.toString()).isTrue();

      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      URI base = URI.create(url.group(1));
      String login = http.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher csrf = CSRF.matcher(login);
      assertThat(csrf.find()).isTrue();
      String form = "_csrf=" + csrf.group(1) + "&user=admin&password="
          + URLEncoder.encode(password.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(base.resolve("/login"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
          .build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> topicsPage = http.send(HttpRequest.newBuilder(base.resolve("/topics")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(loggedIn.statusCode()).isEqualTo(303);
      assertThat(topicsPage.statusCode()).isEqualTo(200);
      assertThat(topicsPage.body()).contains(topic);

      web.stop();
      assertThat(web.waitFor(Duration.ofSeconds(30))).isTrue();
      assertThat(web.exitValue()).isEqualTo(143);
    }
  }

  @Test
  void aPortInUseIsAUsageErrorNamingIt(EmbeddedKafka kafka) throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli.Result result = Cli.run("web", "--port", String.valueOf(taken.getLocalPort()), "-b", kafka.bootstrapServers());

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).contains("Port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
    }
  }
}
