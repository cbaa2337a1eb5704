package io.tradepilot.brokers.internal;

import io.tradepilot.brokers.kite.KiteConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * What the Kite adapter shares across Kite accounts ({@code tradepilot.brokers.kite.*}); everything per account (API
 * and ticker URLs, {@code api_key}, {@code api_secret}, the day's access token) is stored with the account on the
 * Connections page.
 *
 * @param loginUrl Kite's login page the daily login sends an admin to ({@link KiteConfig#LOGIN}); a stand-in in tests
 * @param product  the product every Kite order is placed with: {@code MIS} (intraday, default) or {@code CNC} (delivery)
 */
@ConfigurationProperties("tradepilot.brokers.kite")
public record KiteProperties(URI loginUrl, String product) {

    public KiteProperties {
        if (loginUrl == null) loginUrl = KiteConfig.LOGIN;
        if (product == null || product.isBlank()) product = "MIS";
        if (!"MIS".equals(product) && !"CNC".equals(product)) {
            throw new IllegalArgumentException("tradepilot.brokers.kite.product must be MIS or CNC");
        }
    }
}
