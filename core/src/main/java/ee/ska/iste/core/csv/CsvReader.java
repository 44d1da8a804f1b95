package ee.ska.iste.core.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated, double-quote quoting with doubled quotes inside, CRLF
 * or LF line ends, line breaks allowed inside quotes. A leading UTF-8 byte-order mark is dropped.
 * Each record remembers whether a field was quoted (a comma decimal is accepted only in a quoted
 * cell).
 */
public final class CsvReader implements AutoCloseable {
  private final Reader in;
  private int peeked = -2;
  private long recordNumber;
  private boolean first = true;

  /** One parsed line: the fields, whether each was quoted, and its 1-based record number. */
  public record Record(long number, List<String> fields, List<Boolean> quoted) {
    public String field(int i) {
      return i < fields.size() ? fields.get(i) : null;
    }

    public boolean wasQuoted(int i) {
      return i < quoted.size() && quoted.get(i);
    }

    /** True when every field is empty or blank. */
    public boolean isBlank() {
      return fields.stream().allMatch(f -> f == null || f.isBlank());
    }
  }

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end of input. */
  public Record next() throws IOException {
    int c = read();
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    List<Boolean> quoted = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean inQuotes = false;
    boolean fieldQuoted = false;
    while (true) {
      if (inQuotes) {
        if (c == -1) {
          throw new IOException("unterminated quoted field in record " + (recordNumber + 1));
        }
        if (c == '"') {
          int n = read();
          if (n == '"') {
            sb.append('"');
          } else {
            inQuotes = false;
            c = n;
            continue;
          }
        } else {
          sb.append((char) c);
        }
      } else if (c == '"' && sb.length() == 0 && !fieldQuoted) {
        inQuotes = true;
        fieldQuoted = true;
      } else if (c == ',') {
        fields.add(sb.toString());
        quoted.add(fieldQuoted);
        sb.setLength(0);
        fieldQuoted = false;
      } else if (c == '\r' || c == '\n' || c == -1) {
        if (c == '\r') {
          int n = read();
          if (n != '\n') {
            unread(n);
          }
        }
        fields.add(sb.toString());
        quoted.add(fieldQuoted);
        recordNumber++;
        return new Record(recordNumber, fields, quoted);
      } else {
        sb.append((char) c);
      }
      c = read();
    }
  }

  /** Reads every remaining record. */
  public List<Record> readAll() throws IOException {
    List<Record> out = new ArrayList<>();
    for (Record r = next(); r != null; r = next()) {
      out.add(r);
    }
    return out;
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int p = peeked;
      peeked = -2;
      return p;
    }
    return in.read();
  }

  private void unread(int c) {
    peeked = c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
