package ee.ska.iste.disclosure;

/**
 * Primary suppression (measures.md): below the national level, a count from 1 to {@code min − 1} is
 * hidden, and a sum resting on 1 to {@code min − 1} cases; a share, mean or ratio is hidden when
 * fewer than {@code min} cases are behind it, when its numerator is a count from 1 to {@code min −
 * 1}, or when its denominator is a count below {@code min}. A count over a public denominator (new
 * cases per 100 allocated places) follows the count rule of its numerator alone: its value tells no
 * more than the count. National figures are never hidden.
 */
public final class Primary {
  private Primary() {}

  public static boolean[] mask(OutsiderModel m) {
    int min = m.disclosure().min();
    boolean[] hidden = new boolean[m.figures().size()];
    for (int i = 0; i < hidden.length; i++) {
      hidden[i] = hides(m.figure(i), m.rule(i), min);
    }
    return hidden;
  }

  static boolean hides(Figure f, MeasureRule r, int min) {
    if (f.national()) {
      return false;
    }
    return switch (f.kind()) {
      case COUNT -> small(f.numerator(), min);
      case SUM -> small(f.n(), min);
      default ->
          r.denominatorPublic() && r.wholeNumerator()
              ? small(f.numerator(), min)
              : hidesRatio(f, r, min);
    };
  }

  private static boolean hidesRatio(Figure f, MeasureRule r, int min) {
    return f.n() < min
        || (r.wholeNumerator() && small(f.numerator(), min))
        || (r.wholeDenominator() && !r.denominatorPublic() && f.denominator() < min);
  }

  private static boolean small(double count, int min) {
    return count >= 1 && count < min;
  }
}
