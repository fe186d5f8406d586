package org.latentlab.quiz;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

@ApplicationTest
@AutoConfigureMockMvc
class QuizApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClassroomFixture fixture;

    AccountSummary amina;
    AccountSummary budi;

    @BeforeEach
    void twoStudents() {
        amina = fixture.student("amina");
        budi = fixture.student("budi");
    }

    private static Authentication as(AccountSummary account) {
        SignedInUser user = new SignedInUser(account.id(), account.username(), account.displayName(), account.role(),
                null);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Test
    void aStudentTakesAQuizThroughTheApiAndNobodyElseCanTouchTheAttempt() throws Exception {
        String body = mvc.perform(post("/api/quizzes/lab-denoising-ae/attempt").with(authentication(as(amina)))
                .with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var sheet = JsonMapper.builder().build().readTree(body);
        long attemptId = sheet.get("attempt").get("attemptId").asLong();
        String question = sheet.get("questions").get(0).get("id").asString();
        // The sheet never carries the key.
        assertThat(body).doesNotContain("\"correct\"").doesNotContain("explanation");

        mvc.perform(put("/api/attempts/" + attemptId + "/answers/" + question).with(authentication(as(amina)))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"value\": true}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(put("/api/attempts/" + attemptId + "/answers/" + question).with(authentication(as(amina)))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest());
        // Someone else's attempt (or a made-up one) is simply not found.
        mvc.perform(post("/api/attempts/" + attemptId + "/submit").with(authentication(as(budi))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/attempts/" + (attemptId + 999) + "/submit").with(authentication(as(amina)))
                .with(csrf())).andExpect(status().isNotFound());
        // Without a CSRF token or without signing in, nothing happens.
        mvc.perform(post("/api/attempts/" + attemptId + "/submit").with(authentication(as(amina))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/attempts/" + attemptId + "/submit").with(csrf()))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/attempts/" + attemptId + "/submit").with(authentication(as(amina))).with(csrf()))
                .andExpect(status().isOk());
    }
}
