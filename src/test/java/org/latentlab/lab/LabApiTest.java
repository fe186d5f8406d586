package org.latentlab.lab;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** The Lab as JSON: start an experiment with its defaults, follow it; someone else's run is not found. */
@ApplicationTest
@AutoConfigureMockMvc
class LabApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    TrainingQueue queue;

    AccountSummary amina;
    AccountSummary budi;

    @BeforeEach
    void twoStudents() {
        amina = fixture.student("amina");
        budi = fixture.student("budi");
    }

    @AfterEach
    void stop() throws InterruptedException {
        LabRunsTest.stopAll(queue);
    }

    private static Authentication as(AccountSummary account) {
        SignedInUser user = new SignedInUser(account.id(), account.username(), account.displayName(), account.role(),
                null);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Test
    void aStudentStartsAnExperimentAndFollowsItAndNobodyElseCanReadIt() throws Exception {
        String started = mvc.perform(post("/api/lab/runs").with(authentication(as(amina))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"experiment\":\"conv-vae\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.experiment").value("conv-vae"))
                .andExpect(jsonPath("$.epochs").value(8)).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonMapper.builder().build().readTree(started).get("id").asString());
        mvc.perform(get("/api/lab/runs/" + id).with(authentication(as(amina)))).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()));
        mvc.perform(get("/api/lab/runs/" + id).with(authentication(as(budi)))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/lab/runs/" + id)).andExpect(status().isUnauthorized());

        // Only its owner (or her teacher) stops it.
        mvc.perform(post("/api/lab/runs/" + id + "/cancel").with(authentication(as(budi))).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/lab/runs/" + id + "/cancel").with(authentication(as(amina))).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id.toString()));
        long patience = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        String state;
        do {
            Thread.sleep(50);
            state = JsonMapper.builder().build().readTree(mvc.perform(get("/api/lab/runs/" + id)
                    .with(authentication(as(amina)))).andReturn().getResponse().getContentAsString())
                    .get("state").asString();
        } while (!state.equals("CANCELLED") && System.nanoTime() < patience);
        org.assertj.core.api.Assertions.assertThat(state).isEqualTo("CANCELLED");
    }

    @Test
    void anUnknownExperimentIsRefusedWithAMessage() throws Exception {
        mvc.perform(post("/api/lab/runs").with(authentication(as(amina))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"experiment\":\"gan\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("There is no such experiment in the Lab."));
    }
}
