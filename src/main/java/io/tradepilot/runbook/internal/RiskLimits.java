package io.tradepilot.runbook.internal;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The risk limits in force (the applied risk settings version, else {@code tradepilot.trading.limits.*}), flattened and
 * sorted, and their fingerprint:
 * any change of any limit changes it, so a review of the old limits no longer counts.
 */
class RiskLimits {

    static final String PREFIX = "tradepilot.trading.limits";

    private final Map<String, String> limits;

    RiskLimits(Map<String, String> limits) {
        this.limits = new TreeMap<>(limits);
    }

    static RiskLimits of(Environment environment) {
        Map<String, Object> bound = Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of());
        Map<String, String> flat = new TreeMap<>();
        flatten("", bound, flat);
        return new RiskLimits(flat);
    }

    /**
     * The limits of a stored risk settings document (the strategies module's canonical YAML, whose keys are those of
     * {@code tradepilot.trading.limits}); a document that is not a mapping has no limits to review and is refused.
     */
    @SuppressWarnings("unchecked")
    static RiskLimits ofDocument(String yaml) {
        Object doc = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions())).load(yaml);
        if (!(doc instanceof Map<?, ?> map)) throw new IllegalArgumentException("the applied risk settings are not a mapping of limits");
        Map<String, String> flat = new TreeMap<>();
        flatten("", (Map<String, Object>) map, flat);
        return new RiskLimits(flat);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, String> into) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, (Map<String, Object>) nested, into);
            } else {
                into.put(name, String.valueOf(value));
            }
        });
    }

    /** "daily-loss=0.018, drawdown=0.035, …" */
    String describe() {
        return limits.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The first 16 hex digits of the SHA-256 of {@link #describe()}. */
    String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(describe().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
