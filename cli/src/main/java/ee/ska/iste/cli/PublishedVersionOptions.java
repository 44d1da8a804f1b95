package ee.ska.iste.cli;

import ee.ska.iste.warehouse.Version;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --warehouse DIR} and {@code --version VERSION} options of the verbs that read one
 * published version: the current one, or a past one by its id.
 */
public final class PublishedVersionOptions {
  @Mixin WarehouseOption warehouse;

  @Option(
      names = "--version",
      paramLabel = "VERSION",
      description = "A past version instead of the current one.")
  String versionId;

  /** The version asked for: {@code --version}'s, else the current one. */
  public Version version() {
    return warehouse.version(versionId);
  }
}
