package com.marketopportunities;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketopportunities.api.ServeCommand;
import com.marketopportunities.cli.MarketOpportunitiesCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The program's help as a user reads it in an 80-column terminal. */
class HelpTextTest {

    static synchronized String help(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            MarketOpportunitiesCli.run(new ServeCommand(), args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A line broken before a word that would have fitted on it: wrapped mid-phrase. */
    static void wrappedOnlyWhereFull(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            String next = lines.get(i + 1).strip();
            boolean continues = !line.isBlank() && !next.isEmpty() && Character.isLowerCase(next.charAt(0))
                    && !line.strip().endsWith(".") && !line.strip().endsWith(":");
            if (continues) {
                String firstWord = next.split("\\s+")[0];
                assertThat(line.length() + 1 + firstWord.length()).as("line %d wraps before '%s' that fits:%n%s%n%s",
                        i + 1, firstWord, line, lines.get(i + 1)).isGreaterThan(79);
            }
        }
    }

    @Test
    void theProgramsHelpWrapsWholeAndNamesEveryCommand() {
        String help = help("--help");

        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        wrappedOnlyWhereFull(help);
        assertThat(help).contains("scan", "cache", "serve");
        assertThat(help.replaceAll("\\s+", " "))
                .contains("serve Starts the HTTP service: the dashboard, the JSON API, health and metrics.");
    }

    @Test
    void serveLabelsItsPortAndWrapsWhole() {
        String help = help("serve", "--help");

        assertThat(help).contains("--port=PORT");
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        wrappedOnlyWhereFull(help);
    }
}
