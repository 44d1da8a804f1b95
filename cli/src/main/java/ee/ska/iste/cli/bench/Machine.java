package ee.ska.iste.cli.bench;

import java.lang.management.ManagementFactory;

/** One line about the machine and JVM the figures were measured on. */
final class Machine {
  private Machine() {}

  /** CPU time of this JVM so far, all threads, in nanoseconds (-1 when the JVM cannot tell). */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  static String describe() {
    long memory = 0;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return FigureTable.fmt(
        "Machine: %d cores, %.0f GiB memory; Java %s, max heap %.1f GiB; load average at the end"
            + " %.1f.",
        Runtime.getRuntime().availableProcessors(),
        memory / (1024.0 * 1024 * 1024),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
