package io.tradepilot.marketdata;

import java.util.List;

/** A stored import: the series as now stored, the bars this import added and its warnings (errors refuse). */
public record ImportResult(StoredSeries series, ImportMode mode, long barsImported, List<QualityIssue> warnings) {
    public ImportResult {
        warnings = List.copyOf(warnings);
    }
}
