package ee.ska.iste.reports;

import java.util.Locale;

/** The file formats a report is exported to. */
public enum ReportFormat {
  PDF,
  HTML;

  /** The file name extension, without the dot. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }
}
