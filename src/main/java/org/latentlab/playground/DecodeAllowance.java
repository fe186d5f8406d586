package org.latentlab.playground;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.latentlab.base.ClientKey;
import org.latentlab.base.Language;
import org.latentlab.base.RateLimits;
import org.latentlab.base.TooManyRequestsException;
import org.latentlab.base.Translations;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a map decode from its client's allowance ({@link RateLimits.Limit#DECODE}) before anything else runs for
 * the request, and refuses it there when the allowance is spent: 429 with {@code Retry-After} and the same JSON body
 * as any refusal of the API. A flood of decodes then costs the server next to nothing per refused request (no
 * security filter chain, no Spring MVC, no exception), so sign-in and pages stay quick for everyone else
 * (bench/decode-flood). Requests within the allowance go on to {@link PlaygroundApi}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DecodeAllowance extends OncePerRequestFilter {

    static final String PATH = "/api/playground/decode";

    private final RateLimits limits;
    private final Translations translations;
    private final JsonMapper json;

    DecodeAllowance(RateLimits limits, Translations translations, JsonMapper json) {
        this.limits = limits;
        this.translations = translations;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            limits.take(RateLimits.Limit.DECODE, ClientKey.of(request), 1);
        } catch (TooManyRequestsException refused) {
            refuse(refused, request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(TooManyRequestsException refused, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String message = translations.getTranslation(refused.messageKey(),
                Language.fromLocale(request.getLocale()).locale(), refused.arguments());
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Map.of("field", refused.field(), "message", message));
    }
}
