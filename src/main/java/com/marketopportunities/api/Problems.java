package com.marketopportunities.api;

import com.marketopportunities.text.Excerpt;
import com.marketopportunities.json.JsonFormat;
import com.marketopportunities.marketdata.MarketDataUnavailableException;
import com.marketopportunities.portfolio.PortfolioFormatException;
import com.marketopportunities.portfolio.PortfolioTooLargeException;
import com.marketopportunities.scan.InvalidScanParameterException;
import com.marketopportunities.scan.NoDataInWindowException;
import com.marketopportunities.scan.ScanFailedException;
import com.marketopportunities.scan.TooManySymbolsException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Every error as RFC 9457 problem details with a message a person can act on; never a stack
 * trace, never a position, a value or a secret of the caller's in a log.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(PortfolioTooLargeException.class)
    ProblemDetail tooLarge(PortfolioTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The upload is larger than the limit of 10 MB.", Map.of());
    }

    /** A multipart body without a boundary, or cut short: the client's mistake, one warning line. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail badMultipart(MultipartException e) {
        LOG.warn("malformed multipart request refused: {}", rootMessage(e));
        return problem(HttpStatus.BAD_REQUEST, "The upload is not a complete multipart/form-data request: send the "
                + "portfolio file in a part named 'file', with the boundary given in the Content-Type header.", Map.of());
    }

    /** A portfolio that cannot be read: names the file, and the line and column where there are some. */
    @ExceptionHandler(PortfolioFormatException.class)
    ProblemDetail badPortfolio(PortfolioFormatException e) {
        Map<String, Object> where = new LinkedHashMap<>();
        if (e.line() > 0) {
            where.put("line", e.line());
        }
        if (e.column() != null) {
            where.put("column", e.column());
        }
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), where);
    }

    @ExceptionHandler(EmptyBodyException.class)
    ProblemDetail emptyBody(EmptyBodyException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), Map.of());
    }

    /** A bad parameter (horizon, min_gap_pct, ...): names it. */
    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), Map.of("parameter", e.parameter()));
    }

    /** A scan number outside its range, named as the API spells it (API.md). */
    @ExceptionHandler(InvalidScanParameterException.class)
    ProblemDetail scanParameterOutOfRange(InvalidScanParameterException e) {
        String name = switch (e.parameter()) {
            case MIN_GAP -> "min_gap_pct";
            case TOP_N -> "top";
            case BASE_CURRENCY -> "base_currency";
            case CASH -> "cash";
            case MAX_POSITIONS -> "max_positions";
            case MIN_TICKET -> "min_ticket";
            case MIN_SCORE -> "min_score";
        };
        return problem(HttpStatus.BAD_REQUEST, name + " " + e.getMessage() + ".", Map.of("parameter", name));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return cannotRead(e.getName(), e.getValue(), e.getRequiredType());
    }

    private static ProblemDetail cannotRead(String parameter, Object value, Class<?> type) {
        String text = value == null ? null : String.valueOf(value);
        return problem(HttpStatus.BAD_REQUEST, "Parameter '" + parameter + "' has a value that cannot be read"
                + (text == null ? "" : ": " + Excerpt.quoted(text))
                + "; expected " + kindOf(type) + ".", Map.of("parameter", parameter));
    }

    /** A type as a person names it: "a whole number", not "a int". */
    private static String kindOf(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date like 2022-12-05";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type == double.class || type == float.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "another value";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Parameter '" + e.getParameterName() + "' is required.",
                Map.of("parameter", e.getParameterName()));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), Map.of());
    }

    /** A portfolio bigger than one scan may cost upstream: refused before any call is made. */
    @ExceptionHandler(TooManySymbolsException.class)
    ProblemDetail tooManySymbols(TooManySymbolsException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), Map.of());
    }

    /** The as-of date lies outside the data: nothing to score, whatever the retry. */
    @ExceptionHandler(NoDataInWindowException.class)
    ProblemDetail noDataInWindow(NoDataInWindowException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage().replace("--as-of ", "as_of="),
                Map.of("parameter", "as_of"));
    }

    /** The upstream could not answer and nothing cached could: 503 with Retry-After. */
    @ExceptionHandler({ScanFailedException.class, MarketDataUnavailableException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        LOG.warn("scan failed: market data unavailable ({})", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Market data is unavailable right now and nothing cached "
                        + "can answer: " + e.getMessage() + ". Try again in a minute.", Map.of()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), Map.of());
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static ProblemDetail problem(HttpStatus status, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** The JSON of a problem written outside Spring MVC (by the access filter). */
    static String json(HttpStatus status, String detail, String instance) {
        return "{\"type\":\"about:blank\",\"title\":" + quote(status.getReasonPhrase()) + ",\"status\":" + status.value()
                + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(instance) + "}";
    }

    private static String quote(String text) {
        return com.marketopportunities.json.JsonFormat.mapper().writeValueAsString(text);
    }

    /** A request parameter with a value that cannot be used. */
    static final class BadParameterException extends RuntimeException {
        private final String parameter;

        BadParameterException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }

    /** A POST without a portfolio in it. */
    static final class EmptyBodyException extends RuntimeException {
        EmptyBodyException() {
            super("The request body is empty; expected a portfolio: a JSON object with 'positions'"
                    + " (application/json), a CSV file (text/csv), or a multipart upload (field 'file').");
        }
    }

    static final class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }

    static final class ForbiddenException extends RuntimeException {
        ForbiddenException(String message) {
            super(message);
        }
    }
}
