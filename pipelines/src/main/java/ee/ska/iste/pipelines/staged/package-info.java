/**
 * The staged tables as Spark sees them: their schemas derived from the submission contract in core
 * ({@code ee.ska.iste.core.contract}), shared by the ingest stage that writes them and the model
 * stage that reads them.
 */
package ee.ska.iste.pipelines.staged;
