package io.tradepilot.engine.marketdata;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Locates ../shared/data; tests using it skip (with the reason) when the folder is absent. */
final class SharedData {
    static final Path ROOT = Path.of("..", "shared", "data");

    private SharedData() {
    }

    static Path require(String folder) {
        Path p = ROOT.resolve(folder);
        assumeTrue(Files.isDirectory(p), "shared data folder " + p.toAbsolutePath().normalize()
                + " is absent: this test needs the project's ../shared/data checkout");
        return p;
    }
}
