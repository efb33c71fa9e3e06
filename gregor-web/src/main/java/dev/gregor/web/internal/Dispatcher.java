package dev.gregor.web.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gregor.client.GregorException;
import dev.gregor.web.internal.http.BadRequest;
import dev.gregor.web.internal.http.LoginThrottle;
import dev.gregor.web.internal.http.NotFound;
import dev.gregor.web.internal.http.Request;
import dev.gregor.web.internal.http.Response;
import dev.gregor.web.internal.http.Sessions;
import dev.gregor.web.internal.kafka.KafkaAccess;
import dev.gregor.web.internal.kafka.LagHistory;
import dev.gregor.web.internal.kafka.KafkaUnavailable;
import dev.gregor.web.internal.pages.ErrorPage;
import dev.gregor.web.internal.pages.LoginPage;
import dev.gregor.web.internal.pages.PageContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request passes here: static files, the session (and its cookie), the login gate, the CSRF check on every
 * POST, read-only mode, then the page; failures become pages that say what happened.
 */
final class Dispatcher implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "frame-ancestors 'none'; form-action 'self'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "same-origin",
      "Cache-Control", "no-store");

  private final DashboardSettings settings;
  private final KafkaAccess kafka;
  private final Router router;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final StaticFiles files = new StaticFiles();
  private final LagHistory lagHistory = new LagHistory();

  Dispatcher(DashboardSettings settings, KafkaAccess kafka, Router router, Clock clock, int port) {
    this.settings = settings;
    this.kafka = kafka;
    this.router = router;
    this.sessions = new Sessions(clock, port);
    this.throttle = new LoginThrottle(clock);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Response response;
    try {
      response = respond(exchange);
    } catch (RuntimeException e) {
      LOG.warn("Dashboard request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      response = Response.html(500, ErrorPage.plain("Something went wrong", e.toString()));
    }
    send(exchange, response);
  }

  private Response respond(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (exchange.getRequestMethod().equals("GET") && path.startsWith("/static/")) {
      return files.serve(path.substring("/static/".length()));
    }
    Request request;
    try {
      request = Request.read(exchange);
    } catch (BadRequest e) {
      return Response.html(400, ErrorPage.plain("Bad request", "The request has " + e.getMessage() + "."));
    }
    Sessions.Session session = sessions.find(request.cookie(sessions.cookieName()));
    String newCookie = null;
    if (session == null) {
      session = sessions.open(null);
      newCookie = sessions.cookie(session);
    }
    Response response = route(request, session);
    return newCookie != null && !response.headers().containsKey("Set-Cookie") ? response.with("Set-Cookie", newCookie)
        : response;
  }

  private Response route(Request request, Sessions.Session session) {
    PageContext context = new PageContext(request, settings, kafka, lagHistory, session.user(), session.csrfToken());
    boolean post = request.method().equals("POST");
    if (post && !sameToken(request.form("_csrf"), session.csrfToken())) {
      return ErrorPage.show(context, 403, "Refused: no valid CSRF token",
          "The form did not carry this session's CSRF token (an old page, or a form sent from another site). "
              + "Reload the page and try again.");
    }
    boolean loginPath = request.path().equals("/login");
    if (settings.user() != null && session.user() == null && !loginPath) {
      return post ? ErrorPage.show(context, 403, "Log in first", "This action needs a login.")
          : Response.redirect("/login?next=" + dev.gregor.web.internal.http.Html.url(request.path()));
    }
    if (loginPath || request.path().equals("/logout")) {
      return LoginPage.handle(context, sessions, throttle, session);
    }
    if (post && settings.readOnly()) {
      return ErrorPage.show(context, 403, "Read-only", "This dashboard is read-only: it shows, it does not change.");
    }
    Router.Match match = router.match(request.method(), request.path());
    if (match == null) {
      return ErrorPage.show(context, 404, "Not found", "There is no page at " + request.path() + ".");
    }
    PageContext matched = new PageContext(request.withPathParameters(match.parameters()), settings, kafka, lagHistory,
        session.user(), session.csrfToken());
    try {
      return match.page().apply(matched);
    } catch (NotFound e) {
      return ErrorPage.show(matched, 404, "Not found", e.getMessage());
    } catch (BadRequest e) {
      return ErrorPage.show(matched, 400, "Bad request", "The request has " + e.getMessage() + ".");
    } catch (KafkaUnavailable e) {
      return ErrorPage.unavailable(matched, e.getMessage());
    } catch (GregorException | IllegalArgumentException e) {
      return ErrorPage.show(matched, 409, "Refused", e.getMessage());
    }
  }

  private static boolean sameToken(String sent, String expected) {
    return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    SECURITY_HEADERS.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    boolean empty = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
    if (!empty) {
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(response.body());
      }
    }
    exchange.close();
  }
}
