package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;

import dev.gregor.web.internal.http.LoginThrottle;
import dev.gregor.web.internal.http.Response;
import dev.gregor.web.internal.http.Sessions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Form login and logout: one configured user; a wrong name or password says only that one of them was wrong, and
 * an address that keeps guessing is made to wait.
 */
public final class LoginPage {
  private LoginPage() {}

  /** GET /login shows the form, POST /login checks it, POST /logout ends the session. */
  public static Response handle(PageContext context, Sessions sessions, LoginThrottle throttle,
      Sessions.Session session) {
    String method = context.request().method();
    if (context.request().path().equals("/logout")) {
      sessions.close(session.id());
      return method.equals("POST") ? Response.redirect("/login") : Response.redirect("/");
    }
    if (context.settings().user() == null) {
      return Response.redirect("/"); // no authentication configured
    }
    if (method.equals("GET")) {
      return Response.html(200, Layout.page("Log in", context, form(context, "")));
    }
    String user = context.request().form("user");
    String password = context.request().form("password");
    String address = context.request().remoteAddress();
    Duration wait = throttle.wait(address);
    if (!wait.isZero()) {
      return Response.html(429, Layout.page("Log in", context, Layout.notice("error", "Too many failed logins from "
          + "this address: try again in " + Math.max(1, wait.toSeconds()) + " s.") + form(context, "")))
          .with("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
    }
    if (user == null || password == null || !matches(user, password, context.settings().user(),
        context.settings().password())) {
      throttle.failed(address);
      return Response.html(401, Layout.page("Log in", context,
          Layout.notice("error", "Wrong user name or password.") + form(context, user == null ? "" : user)));
    }
    throttle.succeeded(address);
    sessions.close(session.id());
    Sessions.Session loggedIn = sessions.open(user);
    return Response.redirect(next(context.request().query("next"))).with("Set-Cookie", sessions.cookie(loggedIn));
  }

  private static String form(PageContext context, String user) {
    String next = context.request().query("next");
    String action = "/login" + (next == null ? "" : "?next=" + dev.gregor.web.internal.http.Html.url(next));
    return Layout.form(context, action, "<label>User <input name=\"user\" autocomplete=\"username\" value=\""
        + esc(user) + "\" required></label><label>Password <input name=\"password\" type=\"password\" "
        + "autocomplete=\"current-password\" required></label><button type=\"submit\">Log in</button>");
  }

  /** Only a local path: a login must not send the browser to another site. */
  private static String next(String next) {
    return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
  }

  /** Compares digests so that the time taken says nothing about how much of either matched. */
  private static boolean matches(String user, String password, String expectedUser, String expectedPassword) {
    return MessageDigest.isEqual(digest(user + "\u0000" + password), digest(expectedUser + "\u0000" + expectedPassword));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
