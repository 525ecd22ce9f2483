package dev.tenancy.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.migration.MigrationListener.MigrationProgress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

class ProgressPrinterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static MigrationProgress progress(int done, int total, long seconds) {
        return new MigrationProgress(done, total, 0, Duration.ofSeconds(seconds));
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalOneLineIsRewrittenInPlaceAndEndedWhenThePassIsDone() {
        ProgressPrinter printer = new ProgressPrinter(out, true);
        printer.progress(progress(1, 3, 1));
        printer.progress(progress(2, 3, 1));
        printer.progress(progress(3, 3, 1));
        printer.finish();

        assertThat(printed()).startsWith("\r1/3 schemas (33%)").contains("\r2/3 schemas (66%)")
                .endsWith("3/3 schemas (100%), 3.0/s, 0s left, 0 failed" + System.lineSeparator())
                .doesNotContain(System.lineSeparator() + System.lineSeparator());
    }

    @Test
    void onATerminalARunCutShortHasItsLineEnded() {
        ProgressPrinter printer = new ProgressPrinter(out, true);
        printer.progress(progress(1, 3, 1));
        printer.finish();

        assertThat(printed()).endsWith(System.lineSeparator()).doesNotContain("\n\r");
    }

    @Test
    void elsewhereItPrintsALineEveryTenthOfTheWayAndAtTheEnd() {
        ProgressPrinter printer = new ProgressPrinter(out, false);
        for (int done = 1; done <= 100; done++) {
            printer.progress(progress(done, 100, 1));
        }

        assertThat(printed().lines()).hasSize(10).allMatch(line -> !line.contains("\r"))
                .first().asString().startsWith("10/100 schemas (10%)");
        assertThat(printed().lines()).last().asString().startsWith("100/100 schemas (100%)");
    }

    @Test
    void elsewhereASlowRunStillPrintsEveryFewSeconds() {
        ProgressPrinter printer = new ProgressPrinter(out, false);
        printer.progress(progress(1, 1000, 1));
        printer.progress(progress(2, 1000, 6));
        printer.progress(progress(3, 1000, 7));
        printer.progress(progress(4, 1000, 12));

        assertThat(printed().lines()).extracting(line -> line.substring(0, line.indexOf(' ')))
                .containsExactly("2/1000", "4/1000");
    }
}
