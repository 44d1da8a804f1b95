package ee.ska.iste.reports;

import java.util.Map;

/**
 * What every report builder needs: the published database, the language's formats, the measure
 * catalogue and the names of domains and counties in the report's language (all read from the
 * database's {@code ref_} tables).
 */
record ReportContext(
    PublishedDatabase database,
    FigureFormat format,
    Map<String, MeasureInfo> catalogue,
    WarehouseStamp stamp,
    Map<String, String> domainNames,
    Map<String, String> countyNames) {

  /** A county's name in the report's language ({@code ref_counties}), else the given name. */
  String county(String code, String warehouseName) {
    String n = code == null ? null : countyNames.get(code);
    return n != null && !n.isBlank() ? n : warehouseName == null ? "" : warehouseName;
  }

  /** A life domain's name in the report's language ({@code ref_domains}), else its code. */
  String domain(String code) {
    String n = domainNames.get(code);
    return n == null || n.isBlank() ? code : Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  boolean english() {
    return format.locale().getLanguage().equals("en");
  }

  MeasureInfo info(String measure) {
    MeasureInfo m = catalogue.get(measure);
    return m != null ? m : MeasureInfo.guessed(measure);
  }

  Unit unit(String measure) {
    return info(measure).unit();
  }

  /** The measure's name in the report's language: the bundle, else the catalogue, else the code. */
  String name(String measure) {
    String key = "measure." + measure;
    if (format.hasText(key)) {
      return format.text(key);
    }
    MeasureInfo m = catalogue.get(measure);
    String n = m == null ? null : english() ? m.nameEn() : m.nameEt();
    return n == null || n.isBlank() ? measure : n;
  }

  /** "andmeladu v1, seisuga 05.08.2024", or without the date when it is not known. */
  String stampPhrase() {
    return stamp.publishedOn() == null
        ? format.text("stamp.version", stamp.version())
        : format.text("stamp.full", stamp.version(), format.date(stamp.publishedOn()));
  }

  String footer() {
    return format.text("footer", stampPhrase());
  }
}
