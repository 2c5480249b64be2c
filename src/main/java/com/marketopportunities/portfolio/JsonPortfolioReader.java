package com.marketopportunities.portfolio;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON format of DATA.md (also the API's request body):
 * {@code {"base_currency": "EUR", "positions": [{"symbol": "AAPL", "market_value": 3903.42, ...}]}}
 * with the same field names as the plain CSV. Numbers may be JSON numbers or strings
 * ({@code "3 903,42"}). A position's line is the line of its opening brace. {@code NaN} and
 * {@code Infinity} are read as the numbers they pretend to be, so that their position is reported
 * as not a number, like any other. Malformed JSON is described in words, without the parser's
 * internals (its features and limits are no business of the user's).
 */
final class JsonPortfolioReader {

    /** Far more than a portfolio needs (an object, an array, objects, maybe a value object). */
    private static final int MAX_DEPTH = 64;
    private static final int MAX_NUMBER_DIGITS = 100;
    private static final int MAX_NAME_LENGTH = 1_000;
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_DIGITS).maxNameLength(MAX_NAME_LENGTH).build())
                    .build())
            .build();
    /** What the parser's messages say of itself: {@code (code 39)}, {@code : enable `JsonReadFeature.X` to allow}. */
    private static final Pattern PARSER_INTERNALS = Pattern.compile(" \\(code \\d+\\)|:? ?enable `[^`]*` to allow");
    private static final String EXPECTED = "expected {\"base_currency\": \"USD\", \"positions\": [{\"symbol\": \"AAPL\","
            + " \"market_value\": 3903.42}, ...]}";
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");

    private JsonPortfolioReader() {
    }

    /** @throws PortfolioFormatException when the text is not JSON or not a portfolio object */
    static void read(SourceText text, PortfolioImportBuilder out) {
        try (JsonParser parser = MAPPER.createParser(text.content())) {
            try {
                readPortfolio(text, parser, out);
            } catch (JacksonException malformed) {
                TokenStreamLocation where = malformed.getLocation() != null ? malformed.getLocation() : parser.currentLocation();
                int line = where == null ? 0 : where.getLineNr();
                String column = where == null || where.getColumnNr() < 1 ? null : String.valueOf(where.getColumnNr());
                throw new PortfolioFormatException(text.name(), line, column, "malformed JSON: " + inPlainWords(malformed));
            }
        }
    }

    private static void readPortfolio(SourceText text, JsonParser parser, PortfolioImportBuilder out) {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            throw wrongShape(text, parser, "the portfolio is a JSON array; expected an object that holds it: "
                    + EXPECTED.substring("expected ".length()));
        }
        if (first != JsonToken.START_OBJECT) {
            throw wrongShape(text, parser, "the portfolio is not a JSON object; " + EXPECTED);
        }
        boolean positionsSeen = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (HeaderKey.of(field).key()) {
                case "basecurrency" -> baseCurrency(text, parser, field, out);
                case "positions" -> {
                    positionsSeen = true;
                    positions(text, parser, out);
                }
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw wrongShape(text, parser, "unexpected content after the portfolio object");
        }
        if (!positionsSeen) {
            throw new PortfolioFormatException(text.name(), 0, null, "no 'positions' array; " + EXPECTED);
        }
    }

    /** The parser's complaint as a person can act on it. */
    private static String inPlainWords(JacksonException malformed) {
        String message = malformed.getOriginalMessage() == null ? "" : malformed.getOriginalMessage();
        if (malformed instanceof StreamConstraintsException) {
            if (message.startsWith("Document nesting depth")) {
                return "nested more than " + MAX_DEPTH + " levels deep; expected an object with a 'positions' array"
                        + " of flat objects";
            }
            if (message.startsWith("Number value length")) {
                return "a number of more than " + MAX_NUMBER_DIGITS + " digits";
            }
            if (message.startsWith("Name length")) {
                return "a property name of more than " + MAX_NAME_LENGTH + " characters";
            }
            return "a value too large for a portfolio";
        }
        if (malformed instanceof UnexpectedEndOfInputException || message.startsWith("Unexpected end-of-input")) {
            return "the JSON ends before every '{' and '[' is closed; is the text cut short?";
        }
        if (message.contains("comment?")) {
            return "a comment, which JSON does not allow";
        }
        String plain = PARSER_INTERNALS.matcher(message).replaceAll("");
        // the parser's own words where they are plain, never its configuration
        return plain.contains("`") || plain.contains("Feature") || plain.contains("[Source") ? "not valid JSON" : plain;
    }

    private static void baseCurrency(SourceText text, JsonParser parser, String field, PortfolioImportBuilder out) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return; // as if absent: the portfolio's default currency
        }
        String currency = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getString().strip() : null;
        if (currency == null || !CURRENCY_CODE.matcher(currency).matches()) {
            throw new PortfolioFormatException(text.name(), parser.currentTokenLocation().getLineNr(), field,
                    "not a currency code; expected three letters such as \"EUR\"");
        }
        if (!isIsoCurrency(currency)) {
            // every figure would be in it: better refused here, at its line, than every position left unconverted
            throw new PortfolioFormatException(text.name(), parser.currentTokenLocation().getLineNr(), field,
                    Cell.quote(currency) + " is not an ISO 4217 currency code; expected one such as \"EUR\"");
        }
        out.baseCurrency(currency);
    }

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static void positions(SourceText text, JsonParser parser, PortfolioImportBuilder out) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw wrongShape(text, parser, "'positions' is not an array; " + EXPECTED);
        }
        // read all first: a field's text numbers settle their decimal separator together
        List<PositionRow> rows = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            index++;
            int line = parser.currentTokenLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            if (!node.isObject()) {
                out.problem(new RowProblem(line, null, "position " + index + " is " + node + ", not an object"));
                continue;
            }
            PositionRow row = new PositionRow(line);
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                PositionField.named(property.getKey()).ifPresent(field -> row.with(field,
                        new Cell(property.getKey(), textOf(property.getValue()), property.getValue().isNumber())));
            }
            rows.add(row);
        }
        NumberColumns numbers = NumberColumns.decide(text.name(), rows);
        rows.forEach(row -> row.readInto(out, numbers));
    }

    /** A scalar as text (numbers and strings go through the same parsing as CSV cells); null as empty. */
    private static String textOf(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    private static PortfolioFormatException wrongShape(SourceText text, JsonParser parser, String problem) {
        TokenStreamLocation where = parser.currentTokenLocation();
        return new PortfolioFormatException(text.name(), where.getLineNr(), null, problem);
    }
}
