package io.tradepilot.e2e;

import com.microsoft.playwright.Page;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.marketdata.CsvBarReader;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Data page in Chromium: an operator uploads a good CSV file (the series appears in the list with its bar count)
 * and a bad one (the errors appear line by line, nothing more is stored).
 */
class DataE2E extends BrowserTestSupport {

    @Autowired DSLContext db;

    @BeforeEach
    void emptyStore() {
        db.execute("TRUNCATE market_series RESTART IDENTITY CASCADE");
    }

    private static Path file(String name, String text) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "data-e2e"));
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String goodFile() {
        ExchangeCalendar nse = ExchangeCalendar.nse();
        StringBuilder csv = new StringBuilder(CsvBarReader.HEADER).append('\n');
        int i = 0;
        for (LocalDate d : nse.tradingDays(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29))) {
            csv.append(d).append(",100.5,102,99.25,101,").append(1000 + i++).append('\n');
        }
        return csv.toString();
    }

    @Test
    void an_operator_uploads_a_csv_sees_the_series_listed_and_a_bad_files_errors_line_by_line() throws Exception {
        Page page = signIn(users.operator()).page;
        page.navigate("/data");
        Browsers.awaitView(page.locator("#data-view"));

        page.locator("#data-symbol input").fill("RELIANCE");
        page.locator("#data-interval input").fill("1d");
        page.locator("#data-interval input").press("Tab");
        page.locator("#csv-file").setInputFiles(file("RELIANCE.csv", goodFile()));
        page.locator("#import-csv").click();
        assertThat(page.locator("#import-result")).containsText("Imported 21 bars of RELIANCE 1d");
        assertThat(page.locator("#series-grid vaadin-grid-cell-content").getByText("RELIANCE", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.locator("#series-grid vaadin-grid-cell-content").getByText("CSV RELIANCE.csv")).isVisible();

        page.locator("#data-symbol input").fill("BADCO");
        page.locator("#data-symbol input").press("Tab");
        page.locator("#csv-file").setInputFiles(file("BADCO.csv", CsvBarReader.HEADER + "\n"
                + "2024-02-01,100,101,99,100,10\n"
                + "2024-02-02,100,99,101,100,10\n"
                + "2024-02-05,100,101,99,abc,10\n"));
        page.locator("#import-csv").click();
        assertThat(page.locator("#import-result")).containsText("nothing was stored");
        assertThat(page.locator("#issues-title")).hasText("Errors: nothing was imported");
        assertThat(page.locator("#import-issues vaadin-grid-cell-content").getByText("INCONSISTENT")).isVisible();
        assertThat(page.locator("#import-issues vaadin-grid-cell-content").getByText("FORMAT")).isVisible();
        assertThat(page.locator("#import-issues vaadin-grid-cell-content").getByText("'abc'")).isVisible();
        assertThat(page.locator("#import-issues vaadin-grid-cell-content").getByText("3", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.locator("#import-issues vaadin-grid-cell-content").getByText("4", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.locator("#series-grid vaadin-grid-cell-content").getByText("BADCO", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))).hasCount(0);
    }
}
