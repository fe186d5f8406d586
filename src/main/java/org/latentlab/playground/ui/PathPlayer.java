package org.latentlab.playground.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/** Animates a path's frames in the browser ({@code frontend/playground/path-player.ts}), highlighting the step on a map. */
@Tag("path-player")
@JsModule("./playground/path-player.ts")
class PathPlayer extends Component {

    PathPlayer(int pathIndex) {
        getElement().setProperty("pathIndex", pathIndex);
        getElement().setProperty("playText", getTranslation("playground.path.play"));
        getElement().setProperty("pauseText", getTranslation("playground.path.pause"));
        getElement().setProperty("stepText", getTranslation("playground.path.step"));
    }

    void setFrames(List<String> dataUrls) {
        getElement().setPropertyList("frames", dataUrls);
    }

    /** The map whose path this player highlights while it plays. */
    void follow(LatentMap map) {
        getElement().executeJs("this.target = $0", map.getElement());
    }
}
