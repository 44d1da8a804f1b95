package ee.ska.iste.warehouse;

import ee.ska.iste.core.time.Quarter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads {@code run.json}. A small hand-written JSON form keeps the module free of a JSON
 * library; the reader accepts exactly the JSON subset it needs (objects, arrays, strings, numbers,
 * null).
 */
final class RunMetadataJson {
  private RunMetadataJson() {}

  static String write(String versionId, RunMetadata m) {
    StringBuilder s = new StringBuilder();
    s.append("{\n");
    s.append("  \"version\": ").append(quote(versionId)).append(",\n");
    s.append("  \"code_version\": ").append(quote(m.codeVersion())).append(",\n");
    s.append("  \"started_at\": ").append(quote(m.startedAt().toString())).append(",\n");
    s.append("  \"ended_at\": ")
        .append(m.endedAt() == null ? "null" : quote(m.endedAt().toString()))
        .append(",\n");
    s.append("  \"quarters\": [");
    for (int i = 0; i < m.quarters().size(); i++) {
      s.append(i == 0 ? "" : ", ").append(quote(m.quarters().get(i).toString()));
    }
    s.append("],\n");
    s.append("  \"inputs\": [");
    for (int i = 0; i < m.inputs().size(); i++) {
      RunMetadata.InputFile f = m.inputs().get(i);
      s.append(i == 0 ? "\n" : ",\n")
          .append("    {\"name\": ")
          .append(quote(f.name()))
          .append(", \"sha256\": ")
          .append(quote(f.sha256()))
          .append(", \"bytes\": ")
          .append(f.bytes())
          .append('}');
    }
    s.append(m.inputs().isEmpty() ? "]\n" : "\n  ]\n");
    s.append("}\n");
    return s.toString();
  }

  /** The version id recorded in the file. */
  static String versionId(String json) {
    return (String) object(json).get("version");
  }

  static RunMetadata read(String json) {
    Map<String, Object> o = object(json);
    List<Quarter> quarters = new ArrayList<>();
    for (Object q : list(o.get("quarters"))) {
      quarters.add(Quarter.parse((String) q));
    }
    List<RunMetadata.InputFile> inputs = new ArrayList<>();
    for (Object i : list(o.get("inputs"))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> f = (Map<String, Object>) i;
      inputs.add(
          new RunMetadata.InputFile(
              (String) f.get("name"),
              (String) f.get("sha256"),
              ((Number) f.get("bytes")).longValue()));
    }
    Object ended = o.get("ended_at");
    return new RunMetadata(
        (String) o.get("code_version"),
        quarters,
        inputs,
        Instant.parse((String) o.get("started_at")),
        ended == null ? null : Instant.parse((String) ended));
  }

  private static List<?> list(Object o) {
    return o == null ? List.of() : (List<?>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String json) {
    Parser p = new Parser(json);
    Object v = p.value();
    p.skipSpace();
    if (p.pos != json.length() || !(v instanceof Map)) {
      throw new IllegalArgumentException("run metadata is not one JSON object");
    }
    return (Map<String, Object>) v;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    Object value() {
      skipSpace();
      if (pos >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(pos);
      if (c == '{') {
        return objectValue();
      }
      if (c == '[') {
        return arrayValue();
      }
      if (c == '"') {
        return string();
      }
      if (s.startsWith("null", pos)) {
        pos += 4;
        return null;
      }
      int start = pos;
      while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      if (start == pos) {
        throw error("unexpected character");
      }
      return Long.parseLong(s.substring(start, pos));
    }

    private Map<String, Object> objectValue() {
      Map<String, Object> m = new LinkedHashMap<>();
      pos++;
      skipSpace();
      if (peek() == '}') {
        pos++;
        return m;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        m.put(key, value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect('}');
          return m;
        }
      }
    }

    private List<Object> arrayValue() {
      List<Object> l = new ArrayList<>();
      pos++;
      skipSpace();
      if (peek() == ']') {
        pos++;
        return l;
      }
      while (true) {
        l.add(value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect(']');
          return l;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> b.append(e);
        }
      }
    }

    private char peek() {
      if (pos >= s.length()) {
        throw error("unexpected end");
      }
      return s.charAt(pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("run metadata JSON: " + what + " at offset " + pos);
    }
  }
}
