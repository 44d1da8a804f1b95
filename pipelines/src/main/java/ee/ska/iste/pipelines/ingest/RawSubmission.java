package ee.ska.iste.pipelines.ingest;

import java.util.List;
import java.util.Map;

/** Every sheet of one submission as read, with the reader's warnings per sheet. */
record RawSubmission(Map<String, RawSheet> sheets, Map<String, List<String>> warnings) {}
