package org.latentlab.widgets;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableSupplier;

import org.latentlab.ml.DeepLearningEngine;

/**
 * Stands in for a part that needs the models while the engine warms up after a start, and puts the real part in
 * its place by server push as soon as the warm-up has ended, so nobody has to reload. Lessons, quizzes and sign-in
 * never wait for it.
 */
public final class WarmingUp extends Div {

    private final transient DeepLearningEngine engine;
    /** What to do, on the UI's thread, once the engine is warm: given the UI and this stand-in. */
    private final SerializableBiConsumer<UI, WarmingUp> whenWarm;
    private transient Runnable stopWaiting;

    private WarmingUp(DeepLearningEngine engine, SerializableBiConsumer<UI, WarmingUp> whenWarm) {
        this.engine = engine;
        this.whenWarm = whenWarm;
        addClassNames("ll-notice", "ll-warming-up");
        getElement().setAttribute("role", "status");
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setWidthFull();
        bar.getElement().setAttribute("aria-label", getTranslation("ml.warmingUp.progress"));
        add(new Span(getTranslation("ml.warmingUp")), bar);
    }

    /** The part itself when the engine is not warming up (any more); otherwise a stand-in that becomes the part. */
    public static Component orPart(DeepLearningEngine engine, SerializableSupplier<Component> part) {
        if (!engine.warmingUp()) {
            return part.get();
        }
        return new WarmingUp(engine, (ui, standIn) -> standIn.getParent().ifPresent(parent -> {
            Element here = parent.getElement();
            here.insertChild(here.indexOfChild(standIn.getElement()), part.get().getElement());
            standIn.removeFromParent();
        }));
    }

    /**
     * For a page that needs the models as a whole: while the engine warms up, adds the stand-in to {@code page},
     * reloads the page's route once the engine is warm, and returns true (the page builds nothing else meanwhile).
     */
    public static boolean holdsPage(HasComponents page, DeepLearningEngine engine) {
        if (!engine.warmingUp()) {
            return false;
        }
        page.add(new WarmingUp(engine, (ui, standIn) -> ui.refreshCurrentRoute(false)));
        return true;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        stopWaiting = engine.whenWarm(() -> ui.access(() -> {
            if (isAttached()) {
                whenWarm.accept(ui, this);
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (stopWaiting != null) {
            stopWaiting.run();
            stopWaiting = null;
        }
    }
}
