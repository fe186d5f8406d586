package org.latentlab.playground;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
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
 * as any refusal of the API. A refused request costs the server little (no security filter chain, no Spring MVC,
 * no exception), but a flood still brought thousands a second, and on two cores their CPU made sign-in 5 times
 * slower (bench/decode-flood). So the refusal is held for {@link RateLimits#refusedDecodeDelay()} before it goes out
 * (a tarpit): the request waits asynchronously, holding no thread, and the flooding client, which sends its next
 * request only after an answer, gets one refusal per delay on each connection. Requests within the allowance go on
 * to {@link PlaygroundApi} at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DecodeAllowance extends OncePerRequestFilter {

    static final String PATH = "/api/playground/decode";

    private final RateLimits limits;
    private final Translations translations;
    private final JsonMapper json;
    /** Sends held refusals when their delay is over: writing a small body takes microseconds, one thread is plenty. */
    private final ScheduledExecutorService heldRefusals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("decode-refusals").daemon().factory());

    DecodeAllowance(RateLimits limits, Translations translations, JsonMapper json) {
        this.limits = limits;
        this.translations = translations;
        this.json = json;
    }

    @Override
    public void destroy() {
        heldRefusals.shutdownNow();
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
        byte[] body = json.writeValueAsBytes(Map.of("field", refused.field(), "message", message));
        Duration delay = limits.refusedDecodeDelay();
        if (delay.isZero() || !request.isAsyncSupported()) {
            response.getOutputStream().write(body);
            return;
        }
        AsyncContext held = request.startAsync();
        held.setTimeout(delay.toMillis() + 30_000);
        try {
            heldRefusals.schedule(() -> send(held, body), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            send(held, body);
        }
    }

    private static void send(AsyncContext held, byte[] body) {
        try {
            held.getResponse().getOutputStream().write(body);
        } catch (IOException | IllegalStateException clientGone) {
            // The client closed the connection while its refusal was held: nobody is waiting for it.
        } finally {
            try {
                held.complete();
            } catch (IllegalStateException alreadyOver) {
                // Timed out or closed by the container meanwhile.
            }
        }
    }
}
