package com.marketopportunities.marketdata.yahoo.standin;

import com.marketopportunities.marketdata.yahoo.standin.DataFolder.Bar;
import com.marketopportunities.marketdata.yahoo.standin.DataFolder.FundamentalsRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Yahoo's v7 quote answers ({@code /v7/finance/quote?symbols=A,B,C}): one quote object per known
 * symbol, built from fundamentals.csv, funds.csv and the price files.
 *
 * <p>As in the recordings ({@code quote-AAPL-BABA}, {@code quoteCombine-AAPL-NONEXIST},
 * {@code quoteCombine-NONEXIST}): HTTP 200 {@code {"quoteResponse":{"result":[...],"error":null}}},
 * the symbols in the order asked, each once; a symbol Yahoo does not know is simply absent, so
 * nothing known is an empty result, still 200. A symbol is known when it has a price file, a
 * fundamentals.csv row or funds.csv rows. More symbols than the limit (Yahoo's is 100 since
 * March 2025) is HTTP 400 with a finance error; duplicates count once. No recording has that
 * refusal, nor the one of a request without symbols (also 400): their descriptions are the
 * stand-in's words, their shape Yahoo's finance error.
 *
 * <p>Each quote carries {@code symbol}, {@code quoteType} (fundamentals.csv's type; "ETF" for a fund
 * only in funds.csv; "CURRENCY" for an FX pair such as {@code EURUSD=X}, whose currency is its
 * second one and whose name is "EUR/USD" as Yahoo's; else "EQUITY"), {@code currency},
 * {@code shortName} and {@code longName}, {@code trailingPE}, {@code forwardPE} and the dividend
 * yield twice, in Yahoo's two units: <b>{@code dividendYield} in percent</b> (fundamentals.csv's
 * fraction × 100: 0.0041 is 0.41, as AAPL's recording has it) and {@code trailingAnnualDividendYield}
 * as the fraction. Inert fields a client may read: {@code regularMarketPrice} and
 * {@code regularMarketTime} (the last close, as the chart's meta), {@code exchange},
 * {@code fullExchangeName}, {@code market}, {@code region}, {@code language}, {@code typeDisp}.
 * Numbers are always raw (the 2025 recordings ask {@code formatted=false}); a value the folder
 * lacks is left out. No sector, no country, no PEG: v7 quote has none.
 */
final class QuoteResponses {

    /** Yahoo's limit since March 2025: more symbols in one request are refused. */
    static final int DEFAULT_SYMBOL_LIMIT = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern FX_PAIR = Pattern.compile("([A-Z]{3})([A-Z]{3})=X");
    private static final Map<String, String> TYPE_DISPLAY = Map.of(
            "EQUITY", "Equity", "ETF", "ETF", "CURRENCY", "Currency", "MUTUALFUND", "Mutual Fund", "INDEX", "Index");

    private final DataFolder data;
    private final int symbolLimit;

    QuoteResponses(DataFolder data, int symbolLimit) {
        this.data = data;
        this.symbolLimit = symbolLimit;
    }

    /**
     * The symbols of a quote request's {@code symbols} parameter (decoded query): split at commas,
     * trimmed, upper-cased as Yahoo echoes them, blanks dropped, each once in the order first asked.
     */
    static List<String> symbolsAsked(Map<String, List<String>> query) {
        List<String> values = query.getOrDefault("symbols", List.of());
        if (values.isEmpty()) {
            return List.of();
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (String symbol : values.get(0).split(",")) {
            String upper = symbol.trim().toUpperCase(Locale.ROOT);
            if (!upper.isEmpty()) {
                symbols.add(upper);
            }
        }
        return List.copyOf(symbols);
    }

    /** The answer to a quote request (cookie, crumb and rate limit already checked). */
    Reply answer(Incoming request) {
        List<String> symbols = symbolsAsked(request.query());
        if (symbols.isEmpty()) {
            return Handshake.financeError(400, "Bad Request", "Missing required query parameter=symbols");
        }
        if (symbols.size() > symbolLimit) {
            return Handshake.financeError(400, "Bad Request", "Too many symbols: " + symbols.size()
                    + " asked, at most " + symbolLimit + " per request");
        }
        List<ObjectNode> quotes = new ArrayList<>();
        for (String symbol : symbols) {
            quote(symbol).ifPresent(quotes::add);
        }
        ObjectNode body = NODES.objectNode();
        ObjectNode quoteResponse = body.putObject("quoteResponse");
        ArrayNode result = quoteResponse.putArray("result");
        quotes.forEach(result::add);
        quoteResponse.putNull("error");
        return Reply.json(200, body);
    }

    /** The symbol's quote object, empty when the folder does not know it. */
    private Optional<ObjectNode> quote(String symbol) {
        Optional<FundamentalsRow> row = data.fundamentals(symbol);
        if (row.isEmpty() && !data.hasPrices(symbol)) {
            return Optional.empty();
        }
        Matcher fx = FX_PAIR.matcher(symbol);
        boolean fxPair = fx.matches();
        String type = row.map(FundamentalsRow::type).filter(known -> !known.isEmpty())
                .orElse(fxPair ? "CURRENCY" : "EQUITY");
        String name = row.map(FundamentalsRow::name).filter(known -> !known.isEmpty())
                .orElse(fxPair ? fx.group(1) + "/" + fx.group(2) : "");
        String currency = row.map(FundamentalsRow::currency).filter(known -> !known.isEmpty())
                .orElse(fxPair ? fx.group(2) : "");
        Exchange exchange = Exchange.of(type);

        ObjectNode quote = NODES.objectNode();
        quote.put("language", "en-US");
        quote.put("region", "US");
        quote.put("quoteType", type);
        quote.put("typeDisp", TYPE_DISPLAY.getOrDefault(type, type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT)));
        if (!currency.isEmpty()) {
            quote.put("currency", currency);
        }
        quote.put("exchange", exchange.code());
        if (!name.isEmpty()) {
            quote.put("shortName", name);
            quote.put("longName", name);
        }
        data.lastClose(symbol).ifPresent(last -> {
            quote.put("regularMarketPrice", last.close().doubleValue());
            quote.put("regularMarketTime", last.date().atTime(16, 0).atZone(ChartResponses.NEW_YORK).toEpochSecond());
        });
        quote.put("fullExchangeName", exchange.fullName());
        quote.put("market", exchange.market());
        row.ifPresent(fundamentals -> {
            put(quote, "trailingPE", fundamentals.trailingPe());
            put(quote, "forwardPE", fundamentals.forwardPe());
            Double fraction = fundamentals.dividendYield();
            put(quote, "trailingAnnualDividendYield", fraction);
            // Yahoo's v7 quote quirk: this one is in percent. Shifting the decimal point keeps
            // 0.0041 at 0.41 (0.0041 * 100 in doubles is 0.41000000000000003).
            put(quote, "dividendYield", fraction == null ? null : BigDecimal.valueOf(fraction).movePointRight(2).doubleValue());
        });
        quote.put("symbol", symbol);
        return Optional.of(quote);
    }

    private static void put(ObjectNode target, String field, Double value) {
        if (value != null) {
            target.put(field, value.doubleValue());
        }
    }

    /**
     * Where a quote is listed: the folder names no exchange, so as the chart's meta does, stocks on
     * Nasdaq, ETFs on NYSE Arca (where SPDRs list); FX pairs on Yahoo's "CCY" (as quote-EURUSD=X).
     */
    private record Exchange(String code, String fullName, String market) {

        static Exchange of(String quoteType) {
            return switch (quoteType) {
                case "ETF" -> new Exchange("PCX", "NYSEArca", "us_market");
                case "CURRENCY" -> new Exchange("CCY", "CCY", "ccy_market");
                default -> new Exchange("NMS", "NasdaqGS", "us_market");
            };
        }
    }
}
