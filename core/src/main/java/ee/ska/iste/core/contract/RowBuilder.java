package ee.ska.iste.core.contract;

import java.util.List;
import java.util.Map;

/**
 * One row's values filled by column name, yielding them in column order: no position is kept by
 * hand. Every column must be set exactly once (null is a value); single use. Made by {@link
 * StagedTable#row()} and {@link ContractSheet#row()}.
 *
 * @param <T> the type of a value
 */
public final class RowBuilder<T> {
  private final String owner;
  private final List<String> names;
  private final Map<String, Integer> positions;
  private final T[] values;
  private final boolean[] set;
  private int count;

  RowBuilder(String owner, List<String> names, Map<String, Integer> positions, T[] values) {
    this.owner = owner;
    this.names = names;
    this.positions = positions;
    this.values = values;
    this.set = new boolean[values.length];
  }

  /** Sets a column; fails on a column the row does not have or one set twice. */
  public RowBuilder<T> set(String column, T value) {
    Integer i = positions.get(column);
    if (i == null) {
      throw new IllegalArgumentException(owner + ": a row has no column " + column);
    }
    if (set[i]) {
      throw new IllegalArgumentException(owner + ": column " + column + " set twice");
    }
    set[i] = true;
    values[i] = value;
    count++;
    return this;
  }

  /** The values in column order; fails naming a column not set. */
  public T[] values() {
    if (count != values.length) {
      for (int i = 0; i < values.length; i++) {
        if (!set[i]) {
          throw new IllegalStateException(owner + ": column " + names.get(i) + " not set");
        }
      }
    }
    return values;
  }
}
