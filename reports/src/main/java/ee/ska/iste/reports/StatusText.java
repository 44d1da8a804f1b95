package ee.ska.iste.reports;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The words for a publishable status and its reasons (bundle keys {@code pub.status.*}, {@code
 * pub.mark.*}, {@code pub.reason.*}); an unknown code prints as itself.
 */
final class StatusText {
  static final String PUBLISHABLE = "PUBLISHABLE";

  private final FigureFormat fmt;

  StatusText(FigureFormat fmt) {
    this.fmt = fmt;
  }

  /** The status in words ("provisional"). */
  String label(String status) {
    String key = "pub.status." + status;
    return fmt.hasText(key) ? fmt.text(key) : status;
  }

  /** What a title carries for a status that is not publishable (" — PROVISIONAL"), else "". */
  String titleMark(String status) {
    if (status == null || PUBLISHABLE.equals(status)) {
      return "";
    }
    String key = "pub.mark." + status;
    return " — " + (fmt.hasText(key) ? fmt.text(key) : status);
  }

  /** The reasons in words, separated by "; ". */
  String reasons(List<String> codes) {
    return codes.stream()
        .map(c -> fmt.hasText("pub.reason." + c) ? fmt.text("pub.reason." + c) : c)
        .collect(Collectors.joining("; "));
  }
}
