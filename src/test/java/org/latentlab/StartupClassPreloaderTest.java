package org.latentlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StartupClassPreloaderTest {

    @Test
    void theStartUpClassListStillNamesTheClassesOfThisBuild() throws IOException {
        long listed;
        try (InputStream list = getClass().getClassLoader().getResourceAsStream(StartupClassPreloader.CLASS_LIST)) {
            assertThat(list).as(StartupClassPreloader.CLASS_LIST).isNotNull();
            listed = new String(list.readAllBytes(), StandardCharsets.UTF_8).lines().count();
        }

        int loaded = StartupClassPreloader.preload(getClass().getClassLoader());

        // A list gone stale (a dependency upgraded or dropped) only costs start-up time; when a tenth of it no
        // longer loads, record a new one with bench/startup-classes.sh.
        assertThat(listed).isGreaterThan(5_000);
        assertThat(loaded).as("listed classes that still load").isGreaterThan((int) (listed * 0.9));
    }
}
