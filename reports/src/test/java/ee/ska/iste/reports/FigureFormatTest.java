package ee.ska.iste.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class FigureFormatTest {
  private static FigureFormat format(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    return new FigureFormat(locale, ResourceBundle.getBundle("reports.messages", locale));
  }

  private static String plain(String s) {
    return s.replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  private static Figure shown(double v) {
    return new Figure("M", v, null, null, null, null, null, false);
  }

  private static Figure hidden() {
    return new Figure("M", 3.0, null, null, null, null, null, true);
  }

  @Test
  void estonianNumbersAndDates() {
    FigureFormat et = format("et-EE");
    assertEquals("16 667,5", plain(et.number(16667.5, 1)));
    assertEquals("45,2%", et.value(0.452, Unit.SHARE));
    assertEquals("1 800 €", plain(et.value(1800, Unit.EUR)));
    assertEquals("12,3", et.value(12.25, Unit.MEAN));
    assertEquals("31.03.2024", et.date(LocalDate.of(2024, 3, 31)));
  }

  @Test
  void englishNumbers() {
    assertEquals("16,667.5", format("en-GB").number(16667.5, 1));
  }

  @Test
  void suppressedAndMissingFigures() {
    FigureFormat et = format("et-EE");
    assertEquals("—", et.figure(hidden(), Unit.COUNT));
    assertEquals("—", et.figure(hidden(), Unit.MEAN));
    assertEquals("—", et.figureWithInterval(hidden(), Unit.SHARE));
    assertEquals("–", et.figure(null, Unit.COUNT));
    assertEquals("0", et.figure(shown(0), Unit.COUNT));
  }

  @Test
  void changeIsShownOnlyBetweenShownFigures() {
    FigureFormat et = format("et-EE");
    assertEquals("+2", et.change(shown(23), shown(21), Unit.COUNT));
    assertEquals("+10,0 pp", et.change(shown(0.5), shown(0.4), Unit.SHARE));
    assertEquals("—", et.change(shown(23), hidden(), Unit.COUNT));
    assertEquals("—", et.change(hidden(), shown(7), Unit.COUNT));
    assertEquals("–", et.change(shown(23), null, Unit.COUNT));
  }
}
