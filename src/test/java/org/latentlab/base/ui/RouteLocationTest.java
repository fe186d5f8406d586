package org.latentlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;

import org.junit.jupiter.api.Test;

/** Locations are built from the target view's own route template, and a link that no longer fits it fails loudly. */
class RouteLocationTest {

    @Route("things/:thingId/parts/:part?")
    static class ThingView extends Div {
    }

    @Route("things")
    static class ThingsView extends Div {
    }

    static class NoRoute extends Div {
    }

    @Test
    void theParametersOfTheTemplateAreFilledIn() {
        assertThat(RouteLocation.of(ThingView.class, "thingId", "7", "part", "wheel")).isEqualTo("things/7/parts/wheel");
    }

    @Test
    void anOptionalParameterMayBeLeftOut() {
        assertThat(RouteLocation.of(ThingView.class, "thingId", "7")).isEqualTo("things/7/parts");
    }

    @Test
    void aQueryIsAppendedEncoded() {
        assertThat(RouteLocation.of(ThingsView.class, Map.of(), Map.of("name", "a b"))).isEqualTo("things?name=a%20b");
    }

    @Test
    void aMissingRequiredParameterIsRefused() {
        assertThatThrownBy(() -> RouteLocation.of(ThingView.class)).hasMessageContaining("thingId");
    }

    @Test
    void aParameterTheRouteDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> RouteLocation.of(ThingsView.class, "thingId", "7")).hasMessageContaining("thingId");
    }

    @Test
    void aClassWithoutARouteIsRefused() {
        assertThatThrownBy(() -> RouteLocation.of(NoRoute.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
