package com.marketopportunities.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON format of DATA.md (also the API's request body):
 * {@code {"base_currency": "EUR", "positions": [{"symbol": "AAPL", "market_value": 3903.42, ...}]}}
 * with the same field names as the plain CSV. Numbers may be JSON numbers or strings
 * ({@code "3 903,42"}). A position's line is the line of its opening brace.
 */
final class JsonPortfolioReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final String EXPECTED = "expected {\"base_currency\": \"USD\", \"positions\": [{\"symbol\": \"AAPL\","
            + " \"market_value\": 3903.42}, ...]}";
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");

    private JsonPortfolioReader() {
    }

    /** @throws PortfolioFormatException when the text is not JSON or not a portfolio object */
    static void read(SourceText text, PortfolioImportBuilder out) {
        try (JsonParser parser = MAPPER.createParser(text.content())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
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
        } catch (JacksonException malformed) {
            TokenStreamLocation where = malformed.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            String column = where == null || where.getColumnNr() < 1 ? null : String.valueOf(where.getColumnNr());
            throw new PortfolioFormatException(text.name(), line, column,
                    "malformed JSON: " + malformed.getOriginalMessage());
        }
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
        out.baseCurrency(currency);
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
