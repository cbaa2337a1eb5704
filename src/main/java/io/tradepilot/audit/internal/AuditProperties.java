package io.tradepilot.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradepilot.audit.*}.
 *
 * @param spoolDirectory where records wait while the audit log cannot be written (one directory per process;
 *                       default {@code $TRADEPILOT_DATA_DIR/audit-spool})
 * @param drainInterval  how often waiting records are tried again
 */
@ConfigurationProperties("tradepilot.audit")
record AuditProperties(Path spoolDirectory, Duration drainInterval) {

    AuditProperties {
        Objects.requireNonNull(spoolDirectory, "tradepilot.audit.spool-directory");
        if (drainInterval == null || drainInterval.isNegative() || drainInterval.isZero()) {
            drainInterval = Duration.ofSeconds(2);
        }
    }
}
