package ee.ska.iste.pipelines.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Two partitions per core at least, one per started 32 MiB of input beyond that. */
class ShufflePartitionsTest {
  private static final long MIB = 1L << 20;

  @Test
  void sizedToTheInput() {
    assertEquals(4, ShufflePartitions.forInput(0, 2)); // nothing staged yet: 2 x 2 cores
    assertEquals(4, ShufflePartitions.forInput(25 * MIB, 2)); // 1x: one 32 MiB share < 4
    assertEquals(4, ShufflePartitions.forInput(128 * MIB, 2)); // exactly 4 shares
    assertEquals(5, ShufflePartitions.forInput(128 * MIB + 1, 2)); // a fifth share started
    assertEquals(9, ShufflePartitions.forInput(261 * MIB, 2)); // 10x: 261 / 32 = 8.2 -> 9
    assertEquals(16, ShufflePartitions.forInput(25 * MIB, 8)); // 8 cores: 2 x 8
    assertEquals(2, ShufflePartitions.forInput(0, 0)); // no cores reported: as one
  }
}
