package com.marketopportunities.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen before a controller is reached (Tomcat refusing too many parameters, a
 * filter's failure, an unknown path) are answered like every other error: problem+json in plain
 * words, one warning line in the log for a client's mistake, never a stack trace in the answer.
 * Replaces Spring Boot's default error page and JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "${server.error.path:/error}", produces = {"application/problem+json", "application/json", "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status.is5xxServerError()) {
            LOG.error("request to {} failed", uri, error instanceof Throwable thrown ? thrown : null);
        } else {
            LOG.warn("request to {} refused with {}: {}", uri, status.value(),
                    error instanceof Throwable thrown ? thrown.getMessage() : request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
        }
        ProblemDetail problem = Problems.problem(status, detail(status), Map.of());
        if (uri != null) {
            problem.setInstance(java.net.URI.create(String.valueOf(uri).replace(" ", "%20")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The plain words for an error status, also those of Tomcat's own refusals. */
    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read: too many query parameters (at most 1,000), an "
                    + "address or header over 8 KB, or a malformed URL, header or body.";
            case NOT_FOUND -> "There is nothing at this address: the API is under /api/bourse/, the dashboard at /.";
            case METHOD_NOT_ALLOWED -> "This address does not take that method (see /swagger-ui.html).";
            case URI_TOO_LONG -> "The address is too long.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too large.";
            case PAYLOAD_TOO_LARGE -> "The request is larger than the limit of 10 MB.";
            default -> status.is5xxServerError() ? "Something went wrong on the server; it is logged. Try again."
                    : status.getReasonPhrase() + ".";
        };
    }
}
