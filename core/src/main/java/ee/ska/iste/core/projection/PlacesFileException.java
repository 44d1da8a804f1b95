package ee.ska.iste.core.projection;

/** A places file that cannot be read: the message names the file, line and column. */
public final class PlacesFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param column the column's header name, or null when the problem is the whole line
   */
  public PlacesFileException(String file, int line, String column, String problem) {
    super(file + ", line " + line + (column == null ? "" : ", column " + column) + ": " + problem);
  }
}
