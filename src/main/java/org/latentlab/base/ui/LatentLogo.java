package org.latentlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * Our logo, an encoder squeezing a picture into a small latent code and a decoder widening it again. Drawn by the
 * Lit component {@code frontend/components/latent-logo.ts}.
 */
@Tag("latent-logo")
@JsModule("./components/latent-logo.ts")
public class LatentLogo extends Component {

    public LatentLogo(int size) {
        getElement().setAttribute("size", Integer.toString(size));
    }
}
