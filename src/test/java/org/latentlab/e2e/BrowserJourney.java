package org.latentlab.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.latentlab.test.ApplicationTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An end-to-end journey: the whole app on a random port, one Chromium for the test class, a fresh browser context
 * per journey (opened by the test).
 */
@ApplicationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag(ApplicationTest.BROWSER)
public abstract class BrowserJourney {

    protected static Chromium chromium;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
