package org.latentlab.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A feature's page with a translated heading and introduction; features build their content below it.
 */
public abstract class FeaturePage extends VerticalLayout implements HasDynamicTitle {

    private final String titleKey;

    protected FeaturePage(String titleKey, String introKey) {
        this.titleKey = titleKey;
        addClassName("ll-page");
        H1 heading = new H1(getTranslation(titleKey));
        heading.addClassName("ll-page-title");
        Paragraph intro = new Paragraph(getTranslation(introKey));
        intro.addClassName("ll-intro");
        add(heading, intro);
    }

    /** A highlighted sentence under the introduction, e.g. what this page will offer next. */
    protected final Paragraph addNotice(String key) {
        Paragraph notice = new Paragraph(getTranslation(key));
        notice.addClassName("ll-notice");
        add(notice);
        return notice;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("app.name");
    }
}
