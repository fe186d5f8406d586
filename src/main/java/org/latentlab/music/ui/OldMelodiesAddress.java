package org.latentlab.music.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The melody playground's first address, {@code /melodies}, from before its route was named after its module: old
 * links and bookmarks forward to {@link MusicView} with their query (e.g. {@code ?lang=he}), and the address bar then
 * shows {@code /music}. It shows nothing itself and has no menu entry.
 */
@Route("melodies")
@AnonymousAllowed
public class OldMelodiesAddress extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(MusicView.class, event.getLocation().getQueryParameters());
    }
}
