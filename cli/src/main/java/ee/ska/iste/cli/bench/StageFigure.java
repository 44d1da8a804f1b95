package ee.ska.iste.cli.bench;

/**
 * One measured line of the benchmark.
 *
 * @param run which run: {@code 1x}, {@code 4x}, {@code 1x+1q} (the incremental quarter), …
 * @param clients distinct clients of the run's data (staged episodes over its quarters)
 * @param stage the stage or probe measured
 * @param seconds wall time
 * @param cpuSeconds CPU time of the whole JVM during the stage, all threads (-1 = not measured):
 *     less sensitive than wall time to other work on a shared machine
 * @param rows rows the stage read (0 when not meaningful)
 * @param heapPeakBytes the highest heap in use during the stage, garbage included (-1 = not
 *     sampled)
 * @param heapLiveBytes the highest heap in use right after a collection (-1 = not sampled); with G1
 *     a young collection reports the old generation with its garbage, so this overstates the live
 *     data and is kept out of the printed table
 * @param inputBytes bytes on disk of what the stage read
 * @param outputBytes bytes on disk of what the stage wrote
 * @param note a few words
 */
public record StageFigure(
    String run,
    long clients,
    String stage,
    double seconds,
    double cpuSeconds,
    long rows,
    long heapPeakBytes,
    long heapLiveBytes,
    long inputBytes,
    long outputBytes,
    String note) {

  /** Rows per second, or 0 when rows or time are not meaningful. */
  public double rowsPerSecond() {
    return rows > 0 && seconds > 0 ? rows / seconds : 0;
  }
}
