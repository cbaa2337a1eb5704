package io.tradepilot.marketdata.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;

/**
 * {@code tradepilot.marketdata.*}: the largest CSV file an import takes ({@code max-file-size}, default 50 MB) and
 * the close-to-close move beyond which a bar is flagged as an outlier ({@code outlier-move}, default 0.20: 20 %).
 */
@ConfigurationProperties("tradepilot.marketdata")
record MarketDataProperties(DataSize maxFileSize, BigDecimal outlierMove) {
    MarketDataProperties {
        if (maxFileSize == null) maxFileSize = DataSize.ofMegabytes(50);
        if (outlierMove == null) outlierMove = new BigDecimal("0.20");
        if (outlierMove.signum() <= 0) throw new IllegalArgumentException("tradepilot.marketdata.outlier-move must be positive");
    }
}
