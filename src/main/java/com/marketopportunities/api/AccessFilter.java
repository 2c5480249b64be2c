package com.marketopportunities.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the API: cache management needs the admin token ({@code Authorization: Bearer ...});
 * scans need an API key ({@code X-API-Key}) when keys are configured, and stay within the scan
 * rate of their key (or address). Refusals are problem+json; nothing secret is echoed or logged.
 */
final class AccessFilter extends OncePerRequestFilter {

    /** The request attribute holding the caller's user id (absent: no keys configured, or admin). */
    static final String USER = "market-opportunities.user";
    static final String ADMIN = "market-opportunities.admin";

    private final ApiAccess access;
    private final ScanRateLimits rateLimits;

    AccessFilter(ApiAccess access, ScanRateLimits rateLimits) {
        this.access = access;
        this.rateLimits = rateLimits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean admin = access.isAdmin(bearer(request));
        request.setAttribute(ADMIN, admin);
        if (path.startsWith("/api/bourse/cache")) {
            if (!admin) {
                refuse(response, request, bearer(request) == null ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
                        bearer(request) == null ? "Cache management needs the admin token: send 'Authorization: Bearer <token>' "
                                + "(ADMIN_TOKEN, or the token printed at start-up)."
                                : "That admin token is not valid.");
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
                refuse(response, request, HttpStatus.TOO_MANY_REQUESTS, "Too many scans: at most "
                        + rateLimits.perMinute() + " a minute. Try again in " + Math.max(1, wait.toSeconds()) + " s.");
                return;
            }
        }
        chain.doFilter(request, response);
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
