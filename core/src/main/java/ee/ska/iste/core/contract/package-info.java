/**
 * The submission contract, once: the sheets a KOV sends ({@link ContractSheet}) with their columns,
 * types, required-ness and code lists ({@link SheetColumn}, {@link CodeList}), and the staged
 * ({@code stg_}) tables the ingest stage writes from them ({@link StagedTable}, {@link
 * StagedColumn}), described without Spark. The ingest stage reads and checks submissions by it, the
 * generator writes them by it, and the Spark schemas of the staged tables are derived from it in
 * the pipelines module. Code lists that are reference data stay in {@code ref/*.csv}: a column only
 * names the reference tables it draws on.
 */
package ee.ska.iste.core.contract;
