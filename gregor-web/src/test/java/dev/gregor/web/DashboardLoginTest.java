package dev.gregor.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gregor.embedded.EmbeddedKafka;
import dev.gregor.embedded.EmbeddedKafkaTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16, "Serving" and "Bad input": login on by default, a wrong password says nothing about which part. */
@EmbeddedKafkaTest
class DashboardLoginTest {
  @Test
  void withoutALoginEveryPageSendsTheBrowserToTheLoginForm(EmbeddedKafka kafka) {
    try (Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0).start()) {
      HttpResponse<String> page = new WebClient(web.url()).get("/topics");

      assertThat(page.statusCode()).isEqualTo(303);
      assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Ftopics");
    }
  }

  @Test
  void aGeneratedPasswordLogsInAndTheLoginLeadsBackToThePageAsked(EmbeddedKafka kafka) {
    try (Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0).start()) {
      String password = web.generatedPassword().orElseThrow();
      WebClient browser = new WebClient(web.url());
      browser.get("/login?next=%2Fcluster");

      HttpResponse<String> login = browser.post("/login?next=%2Fcluster", "user", "admin", "password", password);

      assertThat(login.statusCode()).isEqualTo(303);
      assertThat(login.headers().firstValue("Location")).hasValue("/cluster");
      assertThat(browser.get("/cluster").body()).contains("Brokers", "controller");
    }
  }

  @Test
  void aWrongUserOrPasswordIsRefusedWithTheSameWordsForBoth(EmbeddedKafka kafka) {
    try (Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0)
        .user("ops", "correct-horse").start()) {
      WebClient browser = new WebClient(web.url());
      browser.get("/login");
      HttpResponse<String> wrongPassword = browser.post("/login", "user", "ops", "password", "battery-staple");
      HttpResponse<String> wrongUser = browser.post("/login", "user", "admin", "password", "correct-horse");

      assertThat(web.generatedPassword()).isEmpty();
      assertThat(wrongPassword.statusCode()).isEqualTo(401);
      assertThat(wrongUser.statusCode()).isEqualTo(401);
      assertThat(wrongPassword.body()).contains("Wrong user name or password.").doesNotContain("battery-staple");
      assertThat(wrongUser.body()).contains("Wrong user name or password.");
      assertThat(browser.get("/topics").statusCode()).isEqualTo(303); // still not logged in
    }
  }

  @Test
  void anAddressThatKeepsGuessingIsMadeToWaitEvenWithTheRightPassword(EmbeddedKafka kafka) {
    try (Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0)
        .user("ops", "correct-horse").start()) {
      WebClient browser = new WebClient(web.url());
      browser.get("/login");
      for (int guess = 0; guess < 5; guess++) {
        assertThat(browser.post("/login", "user", "ops", "password", "guess-" + guess).statusCode()).isEqualTo(401);
      }

      HttpResponse<String> right = browser.post("/login", "user", "ops", "password", "correct-horse");

      assertThat(right.statusCode()).isEqualTo(429);
      assertThat(right.body()).contains("Too many failed logins from this address: try again in");
      assertThat(right.headers().firstValue("Retry-After")).isPresent();
      assertThat(browser.get("/topics").statusCode()).isEqualTo(303);
    }
  }

  @Test
  void aLoginReplacesTheSessionAndLogoutEndsIt(EmbeddedKafka kafka) {
    try (Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0)
        .user("ops", "correct-horse").start()) {
      WebClient browser = new WebClient(web.url());
      HttpResponse<String> before = browser.get("/login");
      String anonymousCookie = before.headers().firstValue("Set-Cookie").orElseThrow();
      HttpResponse<String> login = browser.post("/login", "user", "ops", "password", "correct-horse");

      assertThat(anonymousCookie).contains("HttpOnly", "SameSite=Strict");
      assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).isNotEqualTo(anonymousCookie);
      assertThat(browser.get("/topics").statusCode()).isEqualTo(200);

      browser.post("/logout");
      assertThat(browser.get("/topics").statusCode()).isEqualTo(303);
    }
  }

  @Test
  void anActionWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing(EmbeddedKafka kafka) {
    try (Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0)
        .user("ops", "correct-horse").start()) {
      WebClient browser = new WebClient(web.url()).logIn("ops", "correct-horse");
      String topic = "csrf-" + System.nanoTime();

      HttpResponse<String> forged = browser.postForm("/topics", Map.of("name", topic, "partitions", "1"));
      HttpResponse<String> wrongToken = browser.postForm("/topics", Map.of("_csrf", "guess", "name", topic));

      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(forged.body()).contains("CSRF token");
      assertThat(wrongToken.statusCode()).isEqualTo(403);
      assertThat(browser.get("/topics").body()).doesNotContain(topic);
    }
  }

  @Test
  void withoutAuthenticationPagesAreOpenButActionsStillNeedTheCsrfToken(EmbeddedKafka kafka) {
    try (Dashboard web = Dashboard.builder().bootstrapServers(kafka.bootstrapServers()).port(0)
        .authentication(false).start()) {
      WebClient browser = new WebClient(web.url());

      assertThat(web.generatedPassword()).isEmpty();
      assertThat(browser.get("/topics").statusCode()).isEqualTo(200);
      assertThat(browser.postForm("/topics", Map.of("name", "open-" + System.nanoTime())).statusCode()).isEqualTo(403);
    }
  }
}
