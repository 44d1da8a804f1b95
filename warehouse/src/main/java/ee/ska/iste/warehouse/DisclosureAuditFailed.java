package ee.ska.iste.warehouse;

import java.util.stream.Collectors;

/**
 * The publish gate refused a version: the outsider can work out a hidden figure from what the
 * public view would show. The message names the cells (quarter, measure, level, unit), never a
 * value.
 */
public final class DisclosureAuditFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient PublicAudit.Result result;

  public DisclosureAuditFailed(PublicAudit.Result result) {
    super(
        "disclosure audit failed, the version was not published: "
            + result.failures().size()
            + " hidden figures can be worked out from the public view: "
            + result.failures().stream()
                .limit(20)
                .map(PublicAudit.Failure::cell)
                .collect(Collectors.joining("; "))
            + (result.failures().size() > 20 ? "; …" : ""));
    this.result = result;
  }

  public PublicAudit.Result result() {
    return result;
  }
}
