package dev.gregor.web.internal.pages;

import static dev.gregor.web.internal.http.Html.esc;

/** The frame of every page (head, navigation, footer) and the pieces pages share: forms, tables, notices. */
public final class Layout {
  static final String HTMX = "/static/htmx.min.js";

  private Layout() {}

  /** A whole page; {@code body} is HTML the page escaped itself. */
  public static String page(String title, PageContext context, String body) {
    StringBuilder html = new StringBuilder(body.length() + 2048);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false}'>")
        .append("<title>").append(esc(title)).append(" · Gregor</title>")
        .append("<link rel=\"stylesheet\" href=\"/static/gregor.css\"><link rel=\"icon\" href=\"/static/favicon.svg\">")
        .append("<script src=\"").append(HTMX).append("\" defer></script></head><body>");
    if (context.user() != null || context.settings().user() == null) {
      html.append("<nav><a class=\"brand\" href=\"/\">Gregor</a>")
          .append("<a href=\"/cluster\">Cluster</a><a href=\"/topics\">Topics</a><a href=\"/groups\">Consumer groups</a>"
              + "<a href=\"/apps\">Applications</a><a href=\"/dead-letters\">Dead letters</a>")
          .append("<span class=\"where\">").append(esc(context.kafka().bootstrap()))
          .append(context.settings().readOnly() ? " · read-only" : "").append("</span>");
      if (context.user() != null) {
        html.append(form(context, "/logout", "<button class=\"link\" type=\"submit\">Log out "
            + esc(context.user()) + "</button>"));
      }
      html.append("</nav>");
    }
    html.append("<main><h1>").append(esc(title)).append("</h1>").append(body).append("</main></body></html>");
    return html.toString();
  }

  /** A POST form to {@code action} carrying the session's CSRF token. */
  public static String form(PageContext context, String action, String fields) {
    return "<form method=\"post\" action=\"" + esc(action) + "\"><input type=\"hidden\" name=\"_csrf\" value=\""
        + esc(context.csrfToken()) + "\">" + fields + "</form>";
  }

  /** A table; {@code rows} are HTML rows the page built. */
  public static String table(String[] headings, CharSequence rows) {
    StringBuilder html = new StringBuilder("<table><thead><tr>");
    for (String heading : headings) {
      html.append("<th>").append(esc(heading)).append("</th>");
    }
    return html.append("</tr></thead><tbody>").append(rows).append("</tbody></table>").toString();
  }

  /** One table row of already escaped cells. */
  public static String row(String... cells) {
    StringBuilder html = new StringBuilder("<tr>");
    for (String cell : cells) {
      html.append("<td>").append(cell).append("</td>");
    }
    return html.append("</tr>").toString();
  }

  /** A notice box: {@code kind} is info, ok or error. */
  public static String notice(String kind, String escapedText) {
    return "<p class=\"notice " + kind + "\">" + escapedText + "</p>";
  }
}
