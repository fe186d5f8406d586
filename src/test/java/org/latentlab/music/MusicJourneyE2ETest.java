package org.latentlab.music;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.e2e.BrowserJourney;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The melody playground in real Chromium: a random melody appears as notation and piano roll, plays in the browser
 * (Tone.js steps through it), downloads as a MIDI file, and a morph between two tunes offers its eight steps. Its
 * old address, {@code /melodies}, still opens it.
 */
class MusicJourneyE2ETest extends BrowserJourney {

    @Autowired
    ClassroomFixture fixture;

    @BeforeEach
    void aSetUpServer() {
        fixture.admin();
    }

    @Test
    void aVisitorSamplesAMelodyPlaysItDownloadsItAsMidiAndMorphsTwoTunes() throws Exception {
        try (BrowserContext context = chromium.browser().newContext(new com.microsoft.playwright.Browser
                .NewContextOptions().setAcceptDownloads(true).setViewportSize(1280, 1600))) {
            Page page = context.newPage();
            page.navigate(url("/music"));
            assertThat(page.locator("#melody-current svg")).hasCount(1);
            page.locator("#melody-random").click();
            assertThat(page.locator("#melody-origin")).hasText("The sliders hold a random code from the prior.");
            page.locator("#melody-current button").click();
            page.waitForFunction("() => document.querySelector('#melody-current').playedSteps > 4");
            Download download = page.waitForDownload(() -> page.locator("#melody-midi").click());
            byte[] midi = Files.readAllBytes(download.path());
            assertThat(new String(midi, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MThd");
            assertThat(javax.sound.midi.MidiSystem.getSequence(download.path().toFile()).getTracks()).isNotEmpty();
            assertThat(page.locator("#melody-morph-steps vaadin-button")).hasCount(8);
            page.locator("#melody-step-8").click();
            assertThat(page.locator("#melody-morph svg")).containsText("8");
        }
    }

    @Test
    void anOldLinkToMelodiesOpensTheMusicPageUnderItsNewAddress() {
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(url("/melodies?lang=sl"));
            assertThat(page.locator("#melody-current svg")).hasCount(1);
            assertThat(page).hasURL(java.util.regex.Pattern.compile("/music\\?lang=sl$"));
            assertThat(page.locator("#music-view .ll-page-title")).hasText("Glasba");
        }
    }
}
