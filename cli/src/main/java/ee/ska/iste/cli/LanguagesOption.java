package ee.ska.iste.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --lang et,en} option of the verbs that render every report of a quarter. */
public final class LanguagesOption {
  @Option(
      names = "--lang",
      split = ",",
      defaultValue = "et",
      description = "Report languages, e.g. et,en (default: ${DEFAULT-VALUE}).")
  List<String> languages;

  /** The languages, in the order given. */
  public List<Locale> locales() {
    return languages.stream().map(Locale::forLanguageTag).toList();
  }
}
