package com.marketopportunities.cli;

import com.marketopportunities.text.Excerpt;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line: {@code market-opportunities scan PORTFOLIO ...}. Exit codes: 0 success,
 * 1 the scan failed (market data unavailable, internal error), 2 bad input (file, option).
 */
@Command(name = "market-opportunities", mixinStandardHelpOptions = true,
        versionProvider = MarketOpportunitiesCli.Version.class,
        description = "Finds the sectors and regions your portfolio is missing, the ETFs and blue chips that "
                + "fill each gap best for your horizon, what to trim to pay for it, and the impact.",
        subcommands = {ScanCommand.class, CacheCommand.class, CommandLine.HelpCommand.class})
public final class MarketOpportunitiesCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(null, args);
    }

    /**
     * Runs a command line with further commands beside {@code scan} and {@code cache} (the
     * program adds {@code serve}), and returns its exit code.
     */
    public static int run(Object extraCommand, String... args) {
        CommandLine commandLine = new CommandLine(new MarketOpportunitiesCli());
        if (extraCommand != null) {
            commandLine.addSubcommand(extraCommand);
        }
        // "--portfolio-format saxo" as documented, "--format JSON": any case; set once every subcommand is added
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // values named in words, not as Java types ("cannot convert ... to class java.time.LocalDate")
        commandLine.registerConverter(LocalDate.class, MarketOpportunitiesCli::date);
        commandLine.registerConverter(Double.class, MarketOpportunitiesCli::number);
        commandLine.registerConverter(Double.TYPE, MarketOpportunitiesCli::number);
        commandLine.registerConverter(Integer.class, MarketOpportunitiesCli::wholeNumber);
        commandLine.registerConverter(Integer.TYPE, MarketOpportunitiesCli::wholeNumber);
        commandLine.setExitCodeExceptionMapper(error -> EXIT_FAILED);
        commandLine.setParameterExceptionHandler((error, ignored) -> {
            CommandLine source = error.getCommandLine();
            source.getErr().println("error: " + error.getMessage());
            source.getErr().println("Try '" + source.getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            throw new TypeConversionException(Excerpt.quoted(value) + " is not a date; expected YYYY-MM-DD, e.g. 2022-12-05");
        }
    }

    private static Double number(String value) {
        try {
            double number = Double.parseDouble(value.strip());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // told below
        }
        throw new TypeConversionException(Excerpt.quoted(value) + " is not a number; expected e.g. 5 or 2.5");
    }

    private static Integer wholeNumber(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notAWholeNumber) {
            throw new TypeConversionException(Excerpt.quoted(value) + " is not a whole number; expected e.g. 6");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MarketOpportunitiesCli.class.getPackage().getImplementationVersion();
            return new String[] {"market-opportunities " + (version == null ? "development build" : version)};
        }
    }
}
