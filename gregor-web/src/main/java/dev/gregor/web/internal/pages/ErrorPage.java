package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;

import dev.gregor.web.internal.http.Response;

/** Pages for what went wrong: each says what, and for Kafka being down, that it retries. */
public final class ErrorPage {
  private ErrorPage() {}

  /** A page with the usual frame. */
  public static Response show(PageContext context, int status, String title, String message) {
    return Response.html(status, Layout.page(title, context, Layout.notice("error", esc(message))));
  }

  /** Kafka is not reachable: 503, and the browser asks again every 5 seconds, so the page recovers by itself. */
  public static Response unavailable(PageContext context, String message) {
    String body = Layout.notice("error", esc(message))
        + "<p>This page tries again every 5 seconds.</p><meta http-equiv=\"refresh\" content=\"5\">";
    return Response.html(503, Layout.page("Kafka is not reachable", context, body)).with("Retry-After", "5");
  }

  /** A bare page, for failures before there is a session to frame it. */
  public static String plain(String title, String message) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
        + "</title><link rel=\"stylesheet\" href=\"/static/gregor.css\"><link rel=\"icon\" href=\"/static/favicon.svg\"></head><body><main><h1>" + esc(title)
        + "</h1>" + Layout.notice("error", esc(message)) + "</main></body></html>";
  }
}
