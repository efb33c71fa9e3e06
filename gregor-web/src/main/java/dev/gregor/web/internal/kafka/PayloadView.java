package dev.gregor.web.internal.kafka;

import static dev.gregor.web.internal.http.Html.esc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A key, value or header as HTML: UTF-8 text (or indented JSON when asked), and a hex dump for bytes that are not
 * text; long payloads are cut, so a 10 MB message never becomes a 10 MB page (the full one is a download).
 */
public final class PayloadView {
  /** How many bytes of a payload a page shows. */
  public static final int SHOWN_BYTES = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();

  private PayloadView() {}

  /** How to show a payload. */
  public enum Format { TEXT, JSON, HEX }

  /** {@code format} from the query, TEXT when absent. */
  public static Format format(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return Format.TEXT;
    }
    try {
      return Format.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new dev.gregor.web.internal.http.BadRequest("the format '" + name + "'; use text, json or hex");
    }
  }

  /** The payload as HTML; null is shown as such. */
  public static String render(byte @Nullable [] bytes, Format format) {
    if (bytes == null) {
      return "<span class=\"null\">null</span>";
    }
    boolean cut = bytes.length > SHOWN_BYTES;
    byte[] shown = cut ? java.util.Arrays.copyOf(bytes, SHOWN_BYTES) : bytes;
    String text = format == Format.HEX ? null : utf8(shown, cut);
    String html;
    if (text == null) {
      html = "<pre class=\"hex\">" + hex(shown) + "</pre>";
    } else if (format == Format.JSON && !cut) {
      html = "<pre class=\"json\">" + esc(indented(text)) + "</pre>";
    } else {
      html = "<pre>" + esc(text) + "</pre>";
    }
    return cut ? html + "<p class=\"cut\">Showing " + SHOWN_BYTES + " of " + bytes.length + " bytes.</p>" : html;
  }

  /** Whether {@code bytes} would be shown as text. */
  public static boolean isText(byte[] bytes) {
    return utf8(bytes, false) != null;
  }

  /** The text, or null when these are not UTF-8 characters (a cut may split the last one, which is allowed). */
  private static @Nullable String utf8(byte[] bytes, boolean cut) {
    int length = bytes.length;
    for (int tail = 0; cut && tail < 3 && length > 0 && (bytes[length - 1] & 0xC0) == 0x80; tail++) {
      length--;
    }
    if (cut && length > 0 && (bytes[length - 1] & 0xC0) == 0xC0) {
      length--;
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < ' ' && c != '\n' && c != '\r' && c != '\t') {
          return null; // control characters: binary, better as hex
        }
      }
      return text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String indented(String text) {
    try {
      JsonNode tree = JSON.readTree(text);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      return text; // not JSON: as it is
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder dump = new StringBuilder();
    for (int line = 0; line < bytes.length; line += 16) {
      dump.append(String.format(Locale.ROOT, "%08x  ", line));
      StringBuilder chars = new StringBuilder();
      for (int i = line; i < line + 16; i++) {
        if (i < bytes.length) {
          dump.append(String.format(Locale.ROOT, "%02x ", bytes[i]));
          char c = (char) (bytes[i] & 0xFF);
          chars.append(c >= ' ' && c < 0x7F ? c : '.');
        } else {
          dump.append("   ");
        }
      }
      dump.append(' ').append(esc(chars)).append('\n');
    }
    return dump.toString();
  }
}
