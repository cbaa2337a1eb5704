package io.tradepilot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker/ cannot be run here (no Docker): its files are parsed instead, and the dashboard's queries are checked
 * against the meters the application publishes (the names {@code trading.internal.MonitoringIT} finds in a scrape).
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");
    /** Prometheus series names (without _total/_bucket/... suffixes) that the application publishes. */
    private static final Set<String> PUBLISHED = Set.of("tradepilot_control_state", "tradepilot_bars",
            "tradepilot_orders", "tradepilot_rejects", "tradepilot_fills", "tradepilot_bar_to_order_seconds",
            "tradepilot_feed_lag_seconds", "tradepilot_ledger_write_seconds", "tradepilot_ledger_backlog",
            "tradepilot_alerts_deliveries", "tradepilot_audit_spool_size_bytes");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws IOException {
        return new Yaml().load(Files.readString(DOCKER.resolve(file)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_runs_prometheus_and_grafana_beside_the_app() throws IOException {
        Map<String, Object> services = (Map<String, Object>) yaml("compose.yaml").get("services");
        assertThat(services).containsKeys("postgres", "redis", "app", "prometheus", "grafana");
        List<String> volumes = (List<String>) ((Map<String, Object>) services.get("prometheus")).get("volumes");
        assertThat(volumes).anyMatch(v -> v.startsWith("./prometheus.yml:"))
                .anyMatch(v -> v.endsWith(":/etc/prometheus/tradepilot.token:ro"));
        for (String v : volumes) {
            if (v.startsWith("./")) assertThat(DOCKER.resolve(v.substring(2, v.indexOf(':')))).exists();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheus_scrapes_the_metrics_endpoint_with_the_token_file() throws IOException {
        Map<String, Object> job = ((List<Map<String, Object>>) yaml("prometheus.yml").get("scrape_configs")).getFirst();
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat((Map<String, Object>) job.get("authorization"))
                .containsEntry("type", "Bearer").containsEntry("credentials_file", "/etc/prometheus/tradepilot.token");
        assertThat(yaml("grafana/provisioning/datasources/prometheus.yml")).containsKey("datasources");
        assertThat(yaml("grafana/provisioning/dashboards/tradepilot.yml")).containsKey("providers");
    }

    @Test
    void the_dashboard_is_valid_json_and_queries_only_published_meters() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DOCKER.resolve("grafana/dashboards/tradepilot.json")));
        assertThat(dashboard.path("uid").asString()).isEqualTo("tradepilot");
        Set<String> queried = new TreeSet<>();
        Pattern series = Pattern.compile("tradepilot_[a-z_]+");
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                Matcher m = series.matcher(target.path("expr").asString());
                while (m.find()) queried.add(m.group().replaceAll("_(total|bucket|count|sum|max)$", ""));
            }
        }
        assertThat(PUBLISHED).containsAll(queried);
        assertThat(queried).containsAll(PUBLISHED);
    }
}
