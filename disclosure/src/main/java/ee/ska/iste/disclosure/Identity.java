package ee.ska.iste.disclosure;

/**
 * An exact linear identity the published figures of one quarter satisfy: Σ coefficient × quantity =
 * 0, a quantity being a figure's numerator or denominator ({@link OutsiderModel#quantity}). A
 * figure the table has no row for is 0 and left out.
 */
public record Identity(String name, int[] quantities, double[] coefficients) {
  public Identity {
    if (quantities.length != coefficients.length) {
      throw new IllegalArgumentException(
          "identity " + name + ": terms and coefficients differ in number");
    }
    quantities = quantities.clone();
    coefficients = coefficients.clone();
  }

  public int size() {
    return quantities.length;
  }
}
