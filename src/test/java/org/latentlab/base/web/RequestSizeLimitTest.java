package org.latentlab.base.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ApplicationTest
@AutoConfigureMockMvc
class RequestSizeLimitTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aBodyOverSixteenKilobytesIsRefusedBeforeItIsRead() throws Exception {
        String huge = "{\"choices\":[\"" + "a".repeat(64 * 1024 * 1024 / 64) + "\"]}";
        mvc.perform(put("/api/attempts/1/answers/q1").with(user("amina").roles("STUDENT"))
                .contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge());
    }
}
