package ee.ska.iste.disclosure;

/** The levels of the published table: KOV, county (MAAKOND) and the nation (RIIK). */
public final class Level {
  public static final String KOV = "KOV";
  public static final String COUNTY = "MAAKOND";
  public static final String NATION = "RIIK";

  private Level() {}
}
