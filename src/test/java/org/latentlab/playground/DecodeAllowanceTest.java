package org.latentlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.latentlab.base.RateLimits;
import org.latentlab.test.ApplicationTest;
import org.latentlab.test.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Real HTTP: a client past its decode allowance gets its refusal late, and holds up nobody meanwhile. */
@ApplicationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "latentlab.limits.refused-decode-delay=700ms")
class DecodeAllowanceTest {

    private static final String DECODE = "/api/playground/decode?model=shipped:vae-2d&x=0.1&y=0.2";

    @LocalServerPort
    int port;
    @Autowired
    RateLimits limits;
    @Autowired
    TestClock clock;

    @Test
    void aRefusedDecodeIsAnsweredOnlyAfterTheDelaySoAFloodingClientGetsFewAnswers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // This test's client (loopback) has used up its allowance, and time stands still: none comes back.
        clock.stop();
        limits.take(RateLimits.Limit.DECODE, "address:127.0.0.1", Long.MAX_VALUE);

        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> refused = http.sendAsync(request(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> answer = refused.get();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body()).contains("\"message\"").contains("Too many requests");
        // A lower bound only: the refusal was held at least as long as the setting says.
        assertThat(tookMillis).isGreaterThanOrEqualTo(700);
    }

    @Test
    void whileARefusalIsHeldOtherRequestsAreAnswered() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        clock.stop();
        limits.take(RateLimits.Limit.DECODE, "address:127.0.0.1", Long.MAX_VALUE);
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(request(), HttpResponse.BodyHandlers.ofString());

        // Other requests while the refusal above is held (asynchronously: no request thread waits for it).
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
        assertThat(held.get().statusCode()).isEqualTo(429);
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + DECODE)).build();
    }
}
