package com.marketopportunities.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the API: cache management, metrics and the management endpoints need the admin token
 * ({@code Authorization: Bearer ...}), and so do the health check's details (anyone sees its
 * status); scans and the API description need an API key ({@code X-API-Key}) when keys are
 * configured, and scans stay within the scan rate of their key (or address). Refusals are
 * problem+json; nothing secret is echoed or logged.
 */
final class AccessFilter extends OncePerRequestFilter {

    /** The request attribute holding the caller's user id (absent: no keys configured, or admin). */
    static final String USER = "market-opportunities.user";
    static final String ADMIN = "market-opportunities.admin";
    /** The upstream calls a scan made, which its caller is charged. */
    static final String UPSTREAM_CALLS = "market-opportunities.upstream-calls";

    private final ApiAccess access;
    private final ScanRateLimits rateLimits;

    AccessFilter(ApiAccess access, ScanRateLimits rateLimits) {
        this.access = access;
        this.rateLimits = rateLimits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v3/api-docs");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String charged = null;
        boolean admin = access.isAdmin(bearer(request));
        request.setAttribute(ADMIN, admin);
        if (path.startsWith("/api/bourse/cache") || path.startsWith("/actuator") && !isHealth(path)) {
            if (!admin) {
                String what = path.startsWith("/actuator") ? "Metrics and management endpoints need" : "Cache management needs";
                refuse(response, request, bearer(request) == null ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
                        bearer(request) == null ? what + " the admin token: send 'Authorization: Bearer <token>' "
                                + "(ADMIN_TOKEN, or the token printed at start-up)."
                                : "That admin token is not valid.");
                return;
            }
        } else if (path.startsWith("/v3/api-docs")) {
            if (access.keysConfigured() && !admin && access.userOf(request.getHeader("X-API-Key")).isEmpty()) {
                refuse(response, request, HttpStatus.UNAUTHORIZED,
                        "The API description needs an API key: send it in the 'X-API-Key' header.");
                return;
            }
        } else if (path.startsWith("/api/bourse/opportunities")) {
            String key = request.getHeader("X-API-Key");
            if (access.keysConfigured() && !admin) {
                var user = access.userOf(key);
                if (user.isEmpty()) {
                    refuse(response, request, HttpStatus.UNAUTHORIZED, key == null
                            ? "This service needs an API key: send it in the 'X-API-Key' header."
                            : "That API key is not valid.");
                    return;
                }
                request.setAttribute(USER, user.get());
            }
            String caller = key != null ? "key:" + key : "address:" + request.getRemoteAddr();
            Duration wait = rateLimits.tryScan(caller);
            if (wait != null) {
                response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
                refuse(response, request, HttpStatus.TOO_MANY_REQUESTS, "Too many scans: your scans may cost at most "
                        + rateLimits.perMinute() + " market-data calls a minute, and that is used up. Try again in "
                        + Math.max(1, wait.toSeconds()) + " s.");
                return;
            }
            charged = caller;
        }
        // health shows its details (Redis URL, errors, disk) to the admin only; others get the status
        chain.doFilter(admin ? new AdminRequest(request) : request, response);
        if (charged != null && request.getAttribute(UPSTREAM_CALLS) instanceof Number calls) {
            rateLimits.charge(charged, calls.longValue());
        }
    }

    private static boolean isHealth(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    /** The caller proved the admin token: the actuator sees an authenticated user in role ADMIN. */
    private static final class AdminRequest extends HttpServletRequestWrapper {
        private static final Principal ADMIN_USER = () -> "admin";

        AdminRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return ADMIN_USER;
        }

        @Override
        public boolean isUserInRole(String role) {
            return "ADMIN".equals(role);
        }
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    private static void refuse(HttpServletResponse response, HttpServletRequest request, HttpStatus status,
                               String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(status, detail, request.getRequestURI()));
    }
}
