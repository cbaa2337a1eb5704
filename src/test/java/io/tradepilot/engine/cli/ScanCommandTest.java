package io.tradepilot.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanCommandTest {
    @TempDir
    Path dir;

    /** Mother week of 2025-01-06 (H110 L90 C100), two inside weeks, then a week (to Friday 01-31) closing at {@code close}. */
    static String pattern(String lastHigh, String close) {
        List<String> l = new ArrayList<>();
        l.add("date,open,high,low,close,volume");
        l.add("2025-01-06,100,110,100,105,1000");
        l.add("2025-01-07,105,106,90,95,1000");
        l.add("2025-01-08,95,100,95,98,1000");
        l.add("2025-01-09,98,101,97,100,1000");
        l.add("2025-01-10,100,101,99,100,1000");
        for (String d : List.of("2025-01-13", "2025-01-14", "2025-01-15", "2025-01-16", "2025-01-17", "2025-01-20", "2025-01-21",
                "2025-01-22", "2025-01-23", "2025-01-24", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30")) {
            l.add(d + ",100,102,98,100,1000");
        }
        l.add("2025-01-31,100," + lastHigh + ",100," + close + ",1000");
        return String.join("\n", l) + "\n";
    }

    Path universe() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("UP.csv"), pattern("112", "111"));
        Files.writeString(data.resolve("NEAR.csv"), pattern("109", "109"));
        Files.writeString(data.resolve("FLAT.csv"), pattern("110", "100"));
        Files.writeString(data.resolve("_metadata.csv"), "Company Name,Industry\nX,Y\n");
        return data;
    }

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new Cli(List.of(new ScanCommand())).run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_scan_lists_the_breakout_with_its_plan_then_the_near_breakout_then_the_active_setup() throws IOException {
        Path data = universe();
        Path out = dir.resolve("scan.csv");
        Run r = run("scan", "--strategy", "3wi", "--data", data.toString(), "--as-of", "2025-01-31", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("UP,UP_1W_2025-01-20,BREAKOUT_UP,2025-01-20,2025-01-06,110,90,20.00,"), lines.get(1));
        assertTrue(lines.get(1).contains(",BUY,111,90,21,142.5,174,285,5985,false,filters failed: rsi trend volume atr"), lines.get(1));
        assertTrue(lines.get(2).startsWith("NEAR,NEAR_1W_2025-01-20,NEAR_BREAKOUT,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("FLAT,FLAT_1W_2025-01-20,ACTIVE,"), lines.get(3));
        assertTrue(r.out().contains("1 breakouts, 1 near breakouts, 1 active setups"), r.out());
    }

    @Test
    void rerunning_a_scan_over_the_same_data_writes_the_same_bytes() throws IOException {
        Path data = universe();
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
        assertEquals(0, run("scan", "--strategy", "3wi", "--data", data.toString(), "--out", a.toString()).code());
        assertEquals(0, run("scan", "--strategy", "3wi", "--data", data.toString(), "--out", b.toString()).code());
        assertEquals(Files.readString(a), Files.readString(b));
        String json = Files.readString(a);
        assertTrue(json.startsWith("{\n  \"asOf\": \"2025-01-31\""), json);
        assertTrue(json.contains("\"setup_id\": \"UP_1W_2025-01-20\", \"state\": \"BREAKOUT_UP\""), json);
        assertTrue(json.contains("\"quantity\": 285"), json);
    }

    @Test
    void a_scan_before_the_breakout_week_lists_setups_only_for_symbols_trading_in_the_as_of_week() throws IOException {
        Path data = universe();
        Path out = dir.resolve("scan.csv");
        assertEquals(0, run("scan", "--strategy", "3wi", "--data", data.toString(), "--as-of", "2025-01-24", "--out", out.toString()).code());
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",ACTIVE,")), String.join("\n", lines));
        assertTrue(lines.get(1).contains(",true,false,"), "week complete, not near: " + lines.get(1));
    }

    void assertRefused(String expectedMessagePart, Path out, String... args) {
        Run r = run(args);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expectedMessagePart), r.err());
        assertFalse(Files.exists(out), "no output written");
    }

    @Test
    void bad_input_is_refused_with_one_line_exit_2_and_no_output() throws IOException {
        Path data = universe();
        Path out = dir.resolve("scan.csv");
        assertRefused("no such directory", out, "scan", "--strategy", "3wi", "--data", dir.resolve("nope").toString(), "--out", out.toString());
        assertRefused("no scanner for 'orb'", out, "scan", "--strategy", "orb", "--data", data.toString(), "--out", out.toString());
        assertRefused("not a date", out, "scan", "--strategy", "3wi", "--data", data.toString(), "--as-of", "31-01-2025", "--out", out.toString());
        assertRefused("must end in .csv or .json", dir.resolve("scan.txt"), "scan", "--strategy", "3wi", "--data", data.toString(), "--out", dir.resolve("scan.txt").toString());
        assertRefused("--out", out, "scan", "--strategy", "3wi", "--data", data.toString());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused("no .csv files", out, "scan", "--strategy", "3wi", "--data", empty.toString(), "--out", out.toString());
        Files.writeString(data.resolve("BAD.csv"), "date,open,high,low,close,volume\n2025-01-06,100,99,101,100,5\n");
        assertRefused("malformed data", out, "scan", "--strategy", "3wi", "--data", data.toString(), "--out", out.toString());
    }
}
