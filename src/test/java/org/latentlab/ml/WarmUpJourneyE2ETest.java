package org.latentlab.ml;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.e2e.BrowserJourney;
import org.latentlab.e2e.Chromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.TestPropertySource;

/**
 * A server that has just started serves lessons, quizzes and sign-in while PyTorch and the models still load in the
 * background; the parts that need a model say they are warming up and fill in by server push, without a reload.
 * The warm-up is held at a gate (a first warm-up step) until the test opens it.
 */
@TestPropertySource(properties = "latentlab.ml.warm-up-in-background=true")
class WarmUpJourneyE2ETest extends BrowserJourney {

    static final CountDownLatch GATE = new CountDownLatch(1);

    @TestConfiguration
    static class HeldWarmUp {
        @Bean
        @Order(0)
        WarmUpStep gate() {
            return GATE::await;
        }
    }

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    DeepLearningEngine engine;

    @AfterAll
    static void openTheGate() {
        GATE.countDown();
    }

    @Test
    void whileTheModelsLoadLessonsQuizzesAndSignInWorkAndTheModelPartsFillInByThemselves() {
        fixture.admin();
        fixture.student("amina");
        assertThat(engine.warmingUp()).isTrue();
        try (BrowserContext context = chromium.browser().newContext()) {
            // The health endpoint says so, with 200: a load balancer keeps sending students here.
            APIResponse health = context.request().get(url("/actuator/health"));
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.text()).contains("\"WARMING_UP\"");
            // The map's own decode requests are asked to come back shortly.
            APIResponse decode = context.request().get(url("/api/playground/decode?model=shipped:vae-2d&x=0&y=0"));
            assertThat(decode.status()).isEqualTo(503);
            assertThat(decode.headers()).containsKey("retry-after");

            Page lesson = context.newPage();
            Chromium.signIn(lesson, url("/login"), "amina", ClassroomFixture.PASSWORD);
            lesson.navigate(url("/lessons/autoencoders"));
            assertThat(lesson.locator("#lesson-title")).isVisible();
            assertThat(lesson.locator(".ll-warming-up").first()).isVisible();
            assertThat(lesson.locator("#reconstruct-output")).hasCount(0);

            Page playground = context.newPage();
            playground.navigate(url("/playground"));
            assertThat(playground.locator("#playground-notice .ll-warming-up")).isVisible();
            Chromium.screenshot(playground, "warming-up-playground");

            Page quiz = context.newPage();
            quiz.navigate(url("/quizzes/autoencoders-pre"));
            assertThat(quiz.locator("vaadin-button, button").first()).isVisible();

            GATE.countDown();
            // Both pages fill in by push; nobody reloads.
            assertThat(lesson.locator("#reconstruct-output img")).isVisible();
            assertThat(lesson.locator(".ll-warming-up")).hasCount(0);
            assertThat(playground.locator("latent-map")).isVisible();
            assertThat(playground.locator(".ll-warming-up")).hasCount(0);
            Chromium.screenshot(lesson, "warmed-up-lesson");
        }
        assertThat(engine.available()).isTrue();
    }
}
