package org.latentlab.music.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The melody playground answers at {@code /music}, the module's name; its old address forwards there. */
@ApplicationTest
class MusicViewTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;

    @BeforeEach
    void aSetUpServer() {
        fixture.admin();
    }

    @Test
    void theMelodyPlaygroundIsAtMusic() {
        assertThat(RouteConfiguration.forApplicationScope().getUrl(MusicView.class)).isEqualTo("music");
        UI.getCurrent().navigate("music");
        assertThat(getCurrentView()).isInstanceOf(MusicView.class);
    }

    @Test
    void anOldLinkToMelodiesForwardsToMusicWithItsQuery() {
        UI.getCurrent().navigate("melodies", QueryParameters.of("lang", "sl"));
        assertThat(getCurrentView()).isInstanceOf(MusicView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("music?lang=sl");
    }
}
