package ee.ska.iste.pipelines.model;

import ee.ska.iste.core.ref.ReferenceData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code dim_municipality}: one row per KOV, key {@code kov_code}, with its county and its latest
 * allocation of places (the joint Haapsalu + Lääne-Nigula allocation appears under both KOVs with
 * the same {@code allocation_id} and the allocation's places). Built from reference data.
 */
public final class DimMunicipality {
  public static final String TABLE = "dim_municipality";

  public static final StructType SCHEMA =
      new StructType()
          .add("kov_code", DataTypes.StringType, false)
          .add("kov_name", DataTypes.StringType)
          .add("county_code", DataTypes.StringType)
          .add("county_name", DataTypes.StringType)
          .add("allocation_id", DataTypes.StringType)
          .add("places", DataTypes.IntegerType);

  private DimMunicipality() {}

  public static Dataset<Row> build(SparkSession spark, ReferenceData ref) {
    Map<String, String> countyNames = new HashMap<>();
    ref.counties().forEach(c -> countyNames.put(c.code(), c.name()));
    Map<String, ReferenceData.Allocation> latestAllocation = new HashMap<>();
    ref.allocations().stream()
        .sorted(Comparator.comparing(ReferenceData.Allocation::validFrom))
        .forEach(a -> a.kovCodes().forEach(k -> latestAllocation.put(k, a)));
    Map<String, Map<String, String>> latestKov = new LinkedHashMap<>();
    ref.table("municipalities").rows().stream()
        .sorted(Comparator.comparing(r -> r.getOrDefault("valid_from", "")))
        .forEach(r -> latestKov.put(r.get("kov_code"), r));
    List<Row> rows = new ArrayList<>();
    latestKov.values().stream()
        .sorted(Comparator.comparing(r -> r.get("kov_code")))
        .forEach(
            r -> {
              ReferenceData.Allocation a = latestAllocation.get(r.get("kov_code"));
              rows.add(
                  RowFactory.create(
                      r.get("kov_code"),
                      r.get("name"),
                      r.get("county_code"),
                      countyNames.get(r.get("county_code")),
                      a == null ? null : a.id(),
                      a == null ? null : a.places()));
            });
    return spark.createDataFrame(rows, SCHEMA);
  }
}
