package com.marketopportunities.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser's protections on every answer: the dashboard loads only its own scripts, styles and
 * images (plus its inline {@code data:} icon), no page may frame it, no response is sniffed into
 * another type, and no address leaks in a referrer. Swagger UI, which styles inline, gets that one
 * allowance on its own pages.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    static final String DASHBOARD_POLICY = "default-src 'self'; img-src 'self' data:; script-src 'self'; "
            + "style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String SWAGGER_UI_POLICY = DASHBOARD_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy",
                request.getRequestURI().startsWith("/swagger-ui") ? SWAGGER_UI_POLICY : DASHBOARD_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
