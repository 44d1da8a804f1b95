package ee.ska.iste.disclosure;

/** The two quantities of a figure: its numerator (the value of a count or sum) and denominator. */
public enum Field {
  NUM,
  DEN
}
