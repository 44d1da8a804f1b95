package ee.ska.iste.reports;

/** A row of {@code dim_municipality}. */
record Municipality(
    String kovCode,
    String kovName,
    String countyCode,
    String countyName,
    String allocationId,
    Integer places) {
  Municipality {
    if (kovCode == null || kovCode.isBlank()) {
      throw new IllegalArgumentException("municipality without a code");
    }
  }

  String displayName() {
    return kovName == null || kovName.isBlank() ? kovCode : kovName;
  }
}
