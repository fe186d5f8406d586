package org.latentlab.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Common look of the error pages: an icon, a heading, a sentence and a way home. Never a stack trace. The heading is
 * also the window's title, so a tab or a screen reader says which page this is.
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

    private final H1 heading = new H1();
    private final Paragraph explanation = new Paragraph();

    ErrorPage(String icon) {
        addClassNames("ll-page", "ll-error-page");
        setAlignItems(Alignment.CENTER);
        Icon symbol = new Icon(icon);
        symbol.setSize("64px");
        heading.setId("error-title");
        add(symbol, heading, explanation, new Anchor(RouteLocation.of(HomeView.class), getTranslation("error.backHome")));
    }

    void show(String headingText, String explanationText) {
        heading.setText(headingText);
        explanation.setText(explanationText);
    }

    @Override
    public String getPageTitle() {
        return heading.getText() + " · " + getTranslation("app.name");
    }
}
