package ee.ska.iste.reports.dashboard;

/** Small pieces of HTML, every text escaped. */
final class Html {
  private final StringBuilder out = new StringBuilder();

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Appends markup as is (the caller escapes what it puts in). */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends {@code <tag attrs>text</tag>} with the text escaped. */
  Html el(String tag, String attrs, String text) {
    out.append('<').append(tag);
    if (attrs != null && !attrs.isEmpty()) {
      out.append(' ').append(attrs);
    }
    out.append('>').append(esc(text)).append("</").append(tag).append(">\n");
    return this;
  }

  Html el(String tag, String text) {
    return el(tag, null, text);
  }

  /** An attribute {@code name="value"} with the value escaped. */
  static String attr(String name, String value) {
    return name + "=\"" + esc(value) + "\"";
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
