package org.latentlab.playground;

import org.latentlab.test.ApplicationTest;
import org.latentlab.test.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.RateLimits;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/** The map's own requests: points and decoded digits, bad input answered with a message, never an error page. */
@ApplicationTest
@AutoConfigureMockMvc
class PlaygroundApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    RateLimits limits;
    @Autowired
    TestClock clock;

    AccountSummary amina;

    @BeforeEach
    void aStudent() {
        amina = fixture.student("amina");
    }

    private static Authentication as(AccountSummary account) {
        SignedInUser user = new SignedInUser(account.id(), account.username(), account.displayName(), account.role(),
                null);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Test
    void aVisitorGetsTheMapAndADecodedDigitAsGreyBytes() throws Exception {
        mvc.perform(get("/api/playground/map").param("model", "shipped:vae-2d")).andExpect(status().isOk())
                .andExpect(jsonPath("$.x.length()").value(2000)).andExpect(jsonPath("$.projected").value(false));
        byte[] digit = mvc.perform(get("/api/playground/decode").param("model", "shipped:vae-2d")
                .param("x", "0.3").param("y", "-1.2")).andExpect(status().isOk())
                .andExpect(header().string(PlaygroundApi.CLAMPED_HEADER, "false"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(digit).hasSize(784);
        byte[] viaCode = mvc.perform(get("/api/playground/decode").param("model", "shipped:vae-2d")
                .param("z", "0.3,-1.2")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(viaCode).isEqualTo(digit);
    }

    @Test
    void outOfRangeValuesAreClampedAndSaySo() throws Exception {
        mvc.perform(get("/api/playground/decode").param("model", "shipped:vae-2d").param("x", "1e300")
                .param("y", "-7000")).andExpect(status().isOk())
                .andExpect(header().string(PlaygroundApi.CLAMPED_HEADER, "true"));
    }

    @Test
    void malformedValuesAndUnknownModelsGetAReadableMessage() throws Exception {
        mvc.perform(get("/api/playground/decode").param("model", "shipped:vae-2d").param("x", "abc")
                .param("y", "1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Latent values must be ordinary numbers."));
        mvc.perform(get("/api/playground/decode").param("model", "shipped:vae-2d").param("x", "NaN")
                .param("y", "1")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/playground/decode").param("model", "shipped:vae-2d")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/playground/decode").param("model", "shipped:vae-2d").param("z", "1,2,3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("A code for this model has 2 numbers, not 3."));
        mvc.perform(get("/api/playground/map").param("model", "nothing")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("model"));
    }

    @Test
    void aLabRunsModelNeedsItsOwnerAndIsNotFoundForAnyoneElse() throws Exception {
        String someRun = "run:" + UUID.randomUUID();
        mvc.perform(get("/api/playground/map").param("model", someRun)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Sign in to open a model you trained in the Lab."));
        mvc.perform(get("/api/playground/map").param("model", someRun).with(authentication(as(amina))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("run"));
    }

    @Test
    void aClientOverItsDecodeAllowanceGets429WithRetryAfterWhileADragElsewhereIsNeverLimited() throws Exception {
        // A drag: about 60 decodes a second, all answered.
        for (int i = 0; i < 60; i++) {
            mvc.perform(get("/api/playground/decode").param("model", "shipped:vae-2d").param("x", "0.1")
                    .param("y", "0.2").with(from("198.51.100.10"))).andExpect(status().isOk());
        }
        // A flooder who has used up its allowance, drained here at once and with time stopped: 150 a second come
        // back one every 7 ms, sooner than a busy machine may answer.
        clock.stop();
        limits.take(RateLimits.Limit.DECODE, "address:198.51.100.66", Long.MAX_VALUE);
        mvc.perform(get("/api/playground/decode").param("model", "shipped:vae-2d").param("x", "0.1")
                .param("y", "0.2").with(from("198.51.100.66"))).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Too many requests")));
        mvc.perform(get("/api/playground/decode").param("model", "shipped:vae-2d").param("x", "0.1")
                .param("y", "0.2").with(from("198.51.100.10"))).andExpect(status().isOk());
    }

    @Test
    void aVisitorAskingForALabRunsModelIsRefusedBeforeAnySessionIsMade() throws Exception {
        var result = mvc.perform(get("/api/playground/decode").param("model", "run:" + UUID.randomUUID())
                .param("x", "0").param("y", "0")).andExpect(status().isBadRequest()).andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
