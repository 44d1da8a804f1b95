package ee.ska.iste.disclosure;

/** How a hidden quantity must be protected from the outsider (measures.md, Disclosure control). */
public enum Protection {
  /**
   * A count of cases: whole, at least 0; protected when its feasible interval is at least 3 wide.
   */
  COUNT,
  /**
   * A sum (days, hours, euros, scores): protected when its interval reaches 25% of it either side.
   */
  SUM,
  /** Nothing to protect: public knowledge (e.g. places × days) or not a quantity of its own. */
  NONE
}
