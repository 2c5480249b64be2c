package com.marketopportunities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every input either reads or is refused with a {@link PortfolioFormatException} (a
 * {@link PortfolioTooLargeException} included), which the doors map to exit code 2 and HTTP
 * 400/413; never another exception, which would be a 500 or a stack trace. Seeded, so that a
 * failure repeats; bounded in time, so that it stays a unit test.
 */
class PortfolioReadersFuzzTest {

    private static final long SEED = 20_261_110L;
    /** The whole test's time, spent on random changes once the handwritten inputs are read. */
    private static final Duration BUDGET = Duration.ofSeconds(4);
    private static final int MIN_CHANGED_INPUTS = 100;
    private static final PortfolioFormat[] FORMATS = {null, PortfolioFormat.CSV, PortfolioFormat.JSON, PortfolioFormat.SAXO};

    private final PortfolioReader reader = new PortfolioReader();
    private final Random random = new Random(SEED);

    @Test
    void everyInputReadsOrIsRefusedAsBadInput() throws IOException {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        List<byte[]> examples = examples();
        for (byte[] input : handwritten()) {
            check("handwritten", input);
        }
        for (int changed = 0; changed < MIN_CHANGED_INPUTS || System.nanoTime() < deadline; changed++) {
            byte[] example = examples.get(random.nextInt(examples.size()));
            switch (random.nextInt(5)) {
                case 0 -> check("random bytes", randomBytes(random.nextInt(4_096)));
                case 1 -> check("truncated example", Arrays.copyOf(example, random.nextInt(example.length + 1)));
                case 2 -> check("mutated example", mutated(example));
                case 3 -> check("latin-1 spliced into utf-8", spliced(example));
                default -> check("example with a huge field", withHugeField(example));
            }
        }
    }

    private void check(String kind, byte[] input) {
        for (PortfolioFormat format : FORMATS) {
            try {
                reader.read("fuzz.csv", new ByteArrayInputStream(input), format);
            } catch (PortfolioFormatException refused) {
                assertThat(refused.getMessage()).as("message of a refused %s", kind).isNotBlank()
                        .doesNotContain("\u001b").doesNotContain("Exception");
            } catch (Throwable unexpected) {
                throw new AssertionError("seed " + SEED + ", " + kind + " read as " + format + " threw " + unexpected
                        + "; input (" + input.length + " bytes) starts "
                        + HexFormat.of().formatHex(Arrays.copyOf(input, Math.min(input.length, 200))), unexpected);
            }
        }
    }

    private static List<byte[]> examples() throws IOException {
        List<byte[]> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            for (Path file : files.filter(path -> path.toString().matches(".*\\.(csv|json)")).sorted().toList()) {
                examples.add(Files.readAllBytes(file));
            }
        }
        assertThat(examples).as("examples/").isNotEmpty();
        return examples;
    }

    /** Shapes that random changes rarely reach: deep nesting, huge cells, limits, odd encodings. */
    private static List<byte[]> handwritten() {
        String hugeDigits = "1" + ",234".repeat(20_000);
        List<String> texts = List.of(
                "[".repeat(20_000),
                "{\"positions\": " + "[".repeat(20_000),
                "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000),
                "{\"positions\": [{\"symbol\": \"A\", \"market_value\": 1" + "0".repeat(50_000) + "}]}",
                "{\"positions\": [{\"symbol\": \"A\", \"market_value\": 1e999999999}]}",
                "{\"positions\": [{\"symbol\": \"" + "A".repeat(50_000) + "\", \"market_value\": 1}]}",
                "{\"" + "k".repeat(50_000) + "\": 1}",
                "symbol,market_value\nAAPL,\"" + hugeDigits + "\"\n",
                "symbol,market_value\nAAPL,\"" + hugeDigits + ".5\"\n",
                "symbol,market_value\nAAPL,1" + "e9".repeat(50_000) + "\n",
                "symbol,name,market_value\nAAPL,\"" + "(".repeat(50_000) + "\",1\n",
                "symbol,market_value\n" + "A".repeat(50_000) + ":xnas,1\n",
                "symbol,acquired,market_value\nAAPL," + "1".repeat(50_000) + "-juin-2022,1\n",
                "Instruments,Statut,Valeur actuelle (EUR),Symbole\n" + "Actions (1" + "0".repeat(50_000) + ")\n",
                "symbol," + "x,".repeat(20_000) + "market_value\nAAPL,1\n",
                "symbol,market_value\n" + "\"".repeat(50_001),
                "symbol,market_value\nAAPL,\u001b[2J\u0000100\n",
                "\uFEFF\uFEFF\uFEFF{\"positions\": []}",
                "symbol;market_value\r\r\r\nAAPL;1,000\rKO;2,000\n",
                "");
        List<byte[]> inputs = new ArrayList<>();
        texts.forEach(text -> inputs.add(text.getBytes(StandardCharsets.UTF_8)));
        inputs.add("symbol,market_value\nAAPL,1\n".getBytes(StandardCharsets.UTF_16BE)); // no byte-order mark
        inputs.add(new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00}); // a byte-order mark and half a character
        inputs.add(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xD8, 0x00}); // a lone surrogate
        inputs.add(new byte[] {(byte) 0xEF, (byte) 0xBB}); // two thirds of a UTF-8 byte-order mark
        return inputs;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] mutated(byte[] example) {
        byte[] bytes = example.clone();
        for (int i = 0, changes = 1 + random.nextInt(8); i < changes && bytes.length > 0; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) "\",;\t\n\r{}[]:.-0123456789%()€\u0000\u001b".charAt(
                    random.nextInt(29));
        }
        return bytes;
    }

    private byte[] spliced(byte[] example) {
        byte[] latin1 = "Société Générale ÄÖÜ ß".getBytes(StandardCharsets.ISO_8859_1);
        int at = random.nextInt(example.length + 1);
        byte[] bytes = Arrays.copyOf(example, example.length + latin1.length);
        System.arraycopy(latin1, 0, bytes, at, latin1.length);
        System.arraycopy(example, at, bytes, at + latin1.length, example.length - at);
        return bytes;
    }

    private byte[] withHugeField(byte[] example) {
        int at = random.nextInt(example.length + 1);
        String field = switch (random.nextInt(4)) {
            case 0 -> "9".repeat(10_000 + random.nextInt(50_000));
            case 1 -> "1" + ",000".repeat(5_000 + random.nextInt(10_000));
            case 2 -> "x".repeat(50_000);
            default -> "\"" + "y".repeat(50_000);
        };
        byte[] huge = field.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(example, example.length + huge.length);
        System.arraycopy(huge, 0, bytes, at, huge.length);
        System.arraycopy(example, at, bytes, at + huge.length, example.length - at);
        return bytes;
    }
}
