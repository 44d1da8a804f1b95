package ee.ska.iste.reports;

/** A measure of the catalogue {@code ref_measure} as the reports need it. */
record MeasureInfo(
    String measure, String nameEt, String nameEn, Unit unit, Boolean higherIsBetter) {
  MeasureInfo {
    if (measure == null || measure.isBlank()) {
      throw new IllegalArgumentException("measure code is blank");
    }
    if (unit == null) {
      throw new IllegalArgumentException("measure " + measure + " has no unit");
    }
  }

  static MeasureInfo guessed(String measure) {
    return new MeasureInfo(measure, null, null, Unit.guess(measure), null);
  }
}
