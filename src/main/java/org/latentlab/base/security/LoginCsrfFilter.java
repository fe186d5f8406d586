package org.latentlab.base.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Vaadin's security configurer exempts the login form's POST from Spring's CSRF check. We want it checked (a
 * forged login would sign a student into someone else's account), so this filter compares the form's
 * {@code _csrf} value with the token Spring's CSRF filter has already loaded for the request. Vaadin's login form
 * sends that token by itself. A missing or stale token leads back to the login page with a message, not to an
 * error page.
 */
final class LoginCsrfFilter extends OncePerRequestFilter {

    private final String loginPath;
    private final CsrfTokenRequestHandler tokens = new XorCsrfTokenRequestAttributeHandler();

    LoginCsrfFilter(String loginPath) {
        this.loginPath = loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !loginPath.equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The raw token: the request attribute CsrfToken holds a freshly masked copy that never matches.
        DeferredCsrfToken deferred = (DeferredCsrfToken) request.getAttribute(DeferredCsrfToken.class.getName());
        CsrfToken expected = deferred == null ? null : deferred.get();
        String sent = expected == null ? null : tokens.resolveCsrfTokenValue(request, expected);
        if (expected == null || sent == null || !MessageDigest.isEqual(
                expected.getToken().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            response.sendRedirect(request.getContextPath() + loginPath + "?expired");
            return;
        }
        chain.doFilter(request, response);
    }
}
