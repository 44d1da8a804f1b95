package ee.ska.iste.core.contract;

/**
 * A column of a staged table.
 *
 * @param name the English snake_case name
 * @param type its type
 * @param nullable false when a staged row never holds null in it (the model reads it so)
 */
public record StagedColumn(String name, ValueType type, boolean nullable) {
  public StagedColumn {
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a staged column name: " + name);
    }
    if (type == null) {
      throw new IllegalArgumentException("staged column " + name + " has no type");
    }
  }
}
