package ee.ska.iste.cli;

import ee.ska.iste.warehouse.Version;
import ee.ska.iste.warehouse.Warehouse;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --warehouse DIR} option of the verbs that read the published warehouse. */
public final class WarehouseOption {
  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      defaultValue = "${env:ISTE_WAREHOUSE}",
      description = "Warehouse root folder, e.g. out/demo/warehouse (default: $ISTE_WAREHOUSE).")
  Path root;

  /** The warehouse; a usage error when no folder was given. */
  public Warehouse warehouse() {
    if (root == null) {
      throw new UserError(ExitCode.USAGE, "give --warehouse DIR or set ISTE_WAREHOUSE");
    }
    return Warehouse.at(root);
  }

  /** A published version by id, or the current one when {@code id} is null. */
  public Version version(String id) {
    Warehouse w = warehouse();
    try {
      return id == null
          ? w.current()
              .orElseThrow(
                  () -> new UserError(ExitCode.FAILURE, "no version is published in " + root))
          : w.version(id);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage(), e);
    }
  }
}
